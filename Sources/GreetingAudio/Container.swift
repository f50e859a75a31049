/// What the first bytes of a file say it is, before any decoding.
///
/// The content decides the format; the extension is only checked against it afterwards.
enum Container: Equatable {
    /// No bytes at all.
    case empty
    /// `RIFF....WAVE`.
    case wave
    /// MPEG audio: an optional ID3v2 tag, then (after `junk` unknown bytes, normally 0) a frame
    /// header at `firstFrame`.
    case mpeg(firstFrame: Int, junk: Int, layer: Int)
    /// An ID3v2 tag that claims more bytes than the file has.
    case truncatedID3(tagEnd: Int)
    /// Something recognisable that is not accepted; the associated text names it for the admin.
    case impostor(String)
    /// Nothing we recognise.
    case unknown

    /// The admin-facing format, when the container is one of ours.
    var format: AudioFormat? {
        switch self {
        case .wave: .wav
        case .mpeg(_, _, let layer): layer == 3 ? .mp3 : nil
        case .truncatedID3: .mp3
        case .empty, .impostor, .unknown: nil
        }
    }

    /// How far to look past an ID3v2 tag (or the start) for a stray first frame before giving up.
    static let junkSearchLimit = 65_536

    /// Sniffs the container from the file's bytes.
    static func sniff(_ reader: inout WindowedReader) throws(AudioFileError) -> Container {
        let size = reader.fileSize
        guard size > 0 else { return .empty }
        let head = Array(try reader.bytes(at: 0, count: 16))
        func ascii(_ range: Range<Int>, _ text: String) -> Bool {
            range.upperBound <= head.count && Array(head[range]) == Array(text.utf8)
        }
        if ascii(0..<4, "RIFF") {
            return ascii(8..<12, "WAVE") ? .wave : .impostor("a RIFF file that is not WAVE audio")
        }
        if ascii(0..<4, "RF64") || ascii(0..<4, "BW64") { return .impostor("64-bit WAV (RF64) audio") }
        if ascii(0..<4, "RIFX") { return .impostor("big-endian WAV (RIFX) audio") }
        if ascii(0..<4, "FORM") { return .impostor("AIFF audio") }
        if ascii(0..<5, "#!AMR") { return .impostor("AMR audio") }
        if ascii(0..<4, "MThd") { return .impostor("MIDI data") }
        if ascii(0..<4, "\u{2E}snd") { return .impostor("Sun/NeXT (.au) audio") }

        // Skip ID3v2 tags (there may be more than one); a tag longer than the file is a truncation.
        var position = 0
        while true {
            let tag = Array(try reader.bytes(at: position, count: 10))
            guard tag.count == 10, tag[0] == 0x49, tag[1] == 0x44, tag[2] == 0x33,  // "ID3"
                tag[3] != 0xFF, tag[4] != 0xFF, tag[6..<10].allSatisfy({ $0 < 0x80 })
            else { break }
            let body = tag[6..<10].reduce(0) { $0 << 7 | Int($1) }
            let footer = tag[5] & 0x10 != 0 ? 10 : 0
            position += 10 + body + footer
            if position > size { return .truncatedID3(tagEnd: position) }
        }

        let start = Array(try reader.bytes(at: position, count: 12))
        if let impostor = Self.impostor(start) { return impostor }
        // A frame header counts only when frames chain from it, as a decoder needs to lock on:
        // random bytes hold an isolated header-like pattern every few kilobytes.
        if let header = MPEGFrameHeader(start), try Self.startsRun(&reader, at: position, first: header) {
            return .mpeg(firstFrame: position, junk: 0, layer: header.layer)
        }
        // Not a frame where one should be: look a little further for a real chain of frames, so the
        // admin learns "junk before the first frame" rather than "not audio".
        if let found = try Self.findFrameChain(&reader, from: position) {
            return .mpeg(firstFrame: found.offset, junk: found.offset - position, layer: found.layer)
        }
        if position == 0, Self.looksLikeText(Array(try reader.bytes(at: 0, count: 512))) {
            return .impostor("text")
        }
        return .unknown
    }

    /// Formats recognised from their first bytes (after any ID3v2 tag).
    private static func impostor(_ start: [UInt8]) -> Container? {
        func ascii(_ range: Range<Int>, _ text: String) -> Bool {
            range.upperBound <= start.count && Array(start[range]) == Array(text.utf8)
        }
        if ascii(0..<4, "OggS") { return .impostor("Ogg audio") }
        if ascii(0..<4, "fLaC") { return .impostor("FLAC audio") }
        if ascii(4..<8, "ftyp") { return .impostor("MP4/M4A (AAC) audio") }
        if start.count >= 2, start[0] == 0xFF, start[1] & 0xF6 == 0xF0 { return .impostor("AAC (ADTS) audio") }
        if ascii(0..<4, "wvpk") { return .impostor("WavPack audio") }
        if ascii(0..<4, "MAC ") { return .impostor("Monkey's Audio") }
        if start.count >= 4, start[0...3] == [0x1A, 0x45, 0xDF, 0xA3] { return .impostor("Matroska/WebM media") }
        if ascii(0..<5, "%PDF-") { return .impostor("a PDF document") }
        if ascii(0..<4, "PK\u{03}\u{04}") { return .impostor("a ZIP archive") }
        return nil
    }

    /// The first offset in `[from, from + junkSearchLimit)` where three valid frames follow one another.
    private static func findFrameChain(
        _ reader: inout WindowedReader, from: Int
    ) throws(AudioFileError) -> (offset: Int, layer: Int)? {
        let end = min(reader.fileSize, from + Self.junkSearchLimit)
        var offset = from
        while offset < end {
            let byte = try reader.bytes(at: offset, count: 1)
            if byte.first == 0xFF, let first = MPEGFrameHeader(try reader.bytes(at: offset, count: 4)),
                try Self.chains(&reader, from: offset, first: first, count: Self.chainLength)
            {
                return (offset, first.layer)
            }
            offset += 1
        }
        return nil
    }

    /// Frames chain from `at` for `chainLength` frames, or until the end of the file (a very short
    /// file, or a last frame cut short, which the scan then reports as a truncation).
    private static func startsRun(
        _ reader: inout WindowedReader, at: Int, first: MPEGFrameHeader
    ) throws(AudioFileError) -> Bool {
        var offset = at
        var header = first
        for _ in 0..<Self.chainLength {
            guard let length = header.frameLength else { return true }  // free format: the scan says so
            offset += length
            if offset >= reader.fileSize { return true }
            guard let next = MPEGFrameHeader(try reader.bytes(at: offset, count: 4)), next.isCompatible(with: first)
            else { return false }
            header = next
        }
        return true
    }

    /// How many frames must follow a first header for it to open an MP3.
    static let chainLength = 3

    private static func chains(
        _ reader: inout WindowedReader, from: Int, first: MPEGFrameHeader, count: Int
    ) throws(AudioFileError) -> Bool {
        var offset = from
        var header = first
        for _ in 0..<count {
            guard let length = header.frameLength else { return false }
            offset += length
            guard let next = MPEGFrameHeader(try reader.bytes(at: offset, count: 4)), next.isCompatible(with: first)
            else { return false }
            header = next
        }
        return true
    }

    /// Printable ASCII or UTF-8 with ordinary white space and no control bytes.
    private static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || ($0 >= 0x20 && $0 != 0x7F) }
    }
}
