/// The real Layer III frames of an MP3, found by walking frame headers from the first frame to
/// the end of the file. Nothing here trusts a length field other than each frame's own header.
struct MP3Scan: Equatable {
    /// The Xing/Info or VBRI frame that opens many MP3s: metadata, not audio.
    struct InfoTag: Equatable {
        /// The frame count the tag claims (never trusted; reported only).
        var claimedFrames: Int?
        /// Samples the encoder added at the start (LAME tag), at most 4095.
        var encoderDelay = 0
        /// Samples the encoder added at the end (LAME tag), at most 4095.
        var encoderPadding = 0
    }

    let first: MPEGFrameHeader
    /// Frames of audio, not counting the info frame.
    var audioFrames = 0
    var infoTag: InfoTag?
    /// Offset just after the last whole frame.
    var end = 0
    /// A frame header at `end` whose frame runs past the end of the file.
    var truncated = false
    /// A frame with free-format bitrate (length unknowable from its header).
    var freeFormat = false

    /// Samples of audio the frames hold, less the encoder delay and padding a LAME tag announces
    /// (each capped at 4095 samples by the tag's format, so a forged tag can trim at most that).
    var samples: Int {
        let trim = (self.infoTag?.encoderDelay ?? 0) + (self.infoTag?.encoderPadding ?? 0)
        return max(0, self.audioFrames * self.first.samplesPerFrame - trim)
    }

    /// Scans from `firstFrame` (which holds `first`) to the end of the file.
    ///
    /// Only chained frames count: a frame reached from the previous one, or — after bytes that are
    /// not a frame, where a decoder would resynchronise — a header whose frame is followed by
    /// another header exactly where it ends. An isolated byte pattern that merely looks like a
    /// header (random data holds one every few kilobytes) adds nothing, while real frames hidden
    /// behind junk are still counted, as a player would play them.
    static func scan(
        _ reader: inout WindowedReader, firstFrame: Int, first: MPEGFrameHeader
    ) throws(AudioFileError) -> MP3Scan {
        var scan = MP3Scan(first: first)
        var offset = firstFrame
        var isFirst = true
        var chained = true  // `offset` is where a counted frame ended (or the first frame)
        let size = reader.fileSize
        while offset < size {
            let bytes = try reader.bytes(at: offset, count: 4)
            guard let header = MPEGFrameHeader(bytes), header.isCompatible(with: first) else {
                // Not a frame: trailing bytes (ID3v1, APE tag, junk), unless it is the start of a cut-off header.
                if chained { scan.truncated = bytes.count < 4 && Self.isHeaderPrefix(bytes, of: first) }
                chained = false
                offset += 1
                continue
            }
            guard let length = header.frameLength else {
                if chained {
                    scan.freeFormat = true
                    break
                }
                offset += 1
                continue
            }
            guard offset + length <= size else {
                if chained { scan.truncated = true }
                chained = false
                offset += 1
                continue
            }
            if !chained {
                guard let next = MPEGFrameHeader(try reader.bytes(at: offset + length, count: 4)), next.isCompatible(with: first)
                else {
                    offset += 1
                    continue
                }
            }
            if isFirst, let tag = try Self.infoTag(&reader, frame: offset, header: header, length: length) {
                scan.infoTag = tag
            } else {
                scan.audioFrames += 1
            }
            isFirst = false
            chained = true
            scan.truncated = false
            offset += length
            scan.end = offset
        }
        if scan.end == 0 { scan.end = firstFrame }
        return scan
    }

    private static func isHeaderPrefix(_ bytes: ArraySlice<UInt8>, of first: MPEGFrameHeader) -> Bool {
        guard let b0 = bytes.first, b0 == 0xFF else { return false }
        guard bytes.count >= 2 else { return true }
        return bytes[bytes.startIndex + 1] & 0xE0 == 0xE0
    }

    /// Reads a Xing/Info (with optional LAME extension) or VBRI tag from the first frame.
    private static func infoTag(
        _ reader: inout WindowedReader, frame: Int, header: MPEGFrameHeader, length: Int
    ) throws(AudioFileError) -> InfoTag? {
        let body = Array(try reader.bytes(at: frame, count: min(length, 4096)))
        func u32(_ at: Int) -> Int? {
            guard at + 4 <= body.count else { return nil }
            return body[at..<at + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        func ascii(_ at: Int, _ text: String) -> Bool {
            at + 4 <= body.count && Array(body[at..<at + 4]) == Array(text.utf8)
        }
        let x = header.xingOffset
        if ascii(x, "Xing") || ascii(x, "Info") {
            var tag = InfoTag()
            guard let flags = u32(x + 4) else { return tag }
            var at = x + 8
            if flags & 1 != 0 { tag.claimedFrames = u32(at); at += 4 }
            if flags & 2 != 0 { at += 4 }
            if flags & 4 != 0 { at += 100 }
            if flags & 8 != 0 { at += 4 }
            // LAME extension: 9-byte encoder string, then 12 bytes, then delay/padding (12 bits each).
            if at + 24 <= body.count, body[at..<at + 4].allSatisfy({ (0x20...0x7E).contains($0) }) {
                let d = at + 21
                tag.encoderDelay = Int(body[d]) << 4 | Int(body[d + 1]) >> 4
                tag.encoderPadding = Int(body[d + 1] & 0x0F) << 8 | Int(body[d + 2])
            }
            return tag
        }
        if ascii(36, "VBRI") {
            return InfoTag(claimedFrames: u32(36 + 14))
        }
        return nil
    }
}
