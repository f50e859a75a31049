/// A read-only view of a file in which a few byte ranges are replaced, served to libsndfile
/// through its virtual I/O callbacks.
///
/// We hand libsndfile the WAV with its RIFF and data sizes rewritten to what the file really
/// holds, so the library parses the real header and decodes every audio byte to the end of the
/// file instead of stopping where a forged size says.
final class PatchedSource {
    let file: AudioFile
    /// Replacement bytes by offset; never overlapping.
    let patches: [(offset: Int, bytes: [UInt8])]
    /// The read position libsndfile asked for.
    var position = 0

    init(file: AudioFile, patches: [(offset: Int, bytes: [UInt8])]) {
        self.file = file
        self.patches = patches
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let count = try? self.file.read(into: buffer, at: self.position) else { return 0 }
        for patch in self.patches {
            for (index, byte) in patch.bytes.enumerated() {
                let at = patch.offset + index - self.position
                if at >= 0, at < count { buffer[at] = byte }
            }
        }
        self.position += count
        return count
    }

    func seek(_ offset: Int, whence: CInt) -> Int {
        let base: Int
        switch whence {
        case 1: base = self.position  // SEEK_CUR
        case 2: base = self.file.size  // SEEK_END
        default: base = 0  // SEEK_SET
        }
        let (target, overflow) = base.addingReportingOverflow(offset)
        if !overflow, target >= 0 { self.position = target }
        return self.position
    }
}
