/// Sequential-ish reads through one fixed 64 KiB window over an `AudioFile`.
///
/// The MP3 frame scanner looks at a few bytes per frame across the whole file; the window keeps
/// that to one `pread` per 64 KiB and a constant amount of memory.
struct WindowedReader {
    static let windowSize = 65_536

    private let file: AudioFile
    private var window: [UInt8]
    private var windowStart = 0
    private var windowCount = 0

    init(file: AudioFile) {
        self.file = file
        self.window = [UInt8](repeating: 0, count: Self.windowSize)
    }

    var fileSize: Int { self.file.size }

    /// Up to `count` bytes (at most 4 KiB) starting at `offset`; fewer only at end of file.
    mutating func bytes(at offset: Int, count: Int) throws(AudioFileError) -> ArraySlice<UInt8> {
        precondition(count <= 4096, "the window serves small reads only")
        guard offset >= 0, offset < self.file.size, count > 0 else { return [] }
        let wanted = min(count, self.file.size - offset)
        if offset < self.windowStart || offset + wanted > self.windowStart + self.windowCount {
            let file = self.file
            self.windowStart = offset
            self.windowCount = 0
            self.windowCount = try self.window.withUnsafeMutableBytes { raw in
                Result { () throws(AudioFileError) -> Int in try file.read(into: raw, at: offset) }
            }.get()
        }
        let lower = offset - self.windowStart
        let upper = min(lower + wanted, self.windowCount)
        return self.window[lower..<upper]
    }
}
