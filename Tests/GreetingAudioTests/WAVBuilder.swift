/// Builds RIFF/WAVE bytes in memory, so tests control every header field without sample files.
struct WAVBuilder {
    var formatTag: UInt16 = 1
    var channels: UInt16 = 1
    var sampleRate: UInt32 = 8_000
    var bitsPerSample: UInt16 = 8
    /// Overrides the data-chunk size field; `nil` writes the real size.
    var declaredDataSize: UInt32?
    /// Chunks placed between `fmt ` and `data` (id, body).
    var extraChunks: [(String, [UInt8])] = []
    /// When set, the fmt chunk is `WAVE_FORMAT_EXTENSIBLE` (0xFFFE) with this 16-byte sub-format
    /// GUID; `formatTag` is then ignored.
    var subFormat: [UInt8]?

    var blockAlign: Int { Int(self.channels) * Int(self.bitsPerSample) / 8 }

    /// A WAV holding `frames` sample frames of a square wave (or silence).
    func bytes(frames: Int, silent: Bool = false, trailing: [UInt8] = []) -> [UInt8] {
        var data = [UInt8](repeating: self.bitsPerSample == 8 ? 0x80 : 0, count: frames * self.blockAlign)
        if !silent {
            for index in stride(from: 0, to: data.count, by: 1) where (index / self.blockAlign / 20) % 2 == 0 {
                data[index] = 0x40
            }
        }
        return self.bytes(data: data, trailing: trailing)
    }

    /// A WAV whose data chunk holds `data`, followed by `trailing` bytes.
    func bytes(data: [UInt8], trailing: [UInt8] = []) -> [UInt8] {
        var out: [UInt8] = []
        var fmt: [UInt8] = []
        fmt += le16(self.subFormat == nil ? self.formatTag : 0xFFFE) + le16(self.channels) + le32(self.sampleRate)
        fmt += le32(self.sampleRate * UInt32(self.blockAlign)) + le16(UInt16(self.blockAlign)) + le16(self.bitsPerSample)
        if let guid = self.subFormat {
            // cbSize 22, valid bits, channel mask (front left / right by count), the GUID.
            fmt += le16(22) + le16(self.bitsPerSample) + le32(self.channels == 1 ? 0x4 : 0x3) + guid
        }
        var chunks: [UInt8] = Array("WAVE".utf8)
        chunks += Array("fmt ".utf8) + le32(UInt32(fmt.count)) + fmt
        for (id, body) in self.extraChunks {
            chunks += Array(id.utf8) + le32(UInt32(body.count)) + body + (body.count % 2 == 1 ? [0] : [])
        }
        chunks += Array("data".utf8) + le32(self.declaredDataSize ?? UInt32(data.count)) + data + trailing
        out += Array("RIFF".utf8) + le32(UInt32(chunks.count)) + chunks
        return out
    }

    /// Total file size of a WAV built by `bytes(frames:)` with no extra chunks.
    static let headerSize = 44
}

extension WAVBuilder {
    /// The sub-format GUID `{tag}-0000-0010-8000-00AA00389B71` that Microsoft defines for a format tag.
    static func subFormat(tag: UInt16) -> [UInt8] {
        le16(tag) + [0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71]
    }
}

private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
