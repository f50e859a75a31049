/// The 4-byte header that starts every MPEG audio frame, decoded.
///
/// Only what the scanner needs: version, layer, sample rate, the frame's byte length and the
/// number of samples it decodes to. `init?` fails on anything that is not a valid header
/// (no sync, reserved version or layer, bad bitrate or sample-rate index).
struct MPEGFrameHeader: Equatable {
    /// MPEG-1, MPEG-2 or the unofficial MPEG-2.5 extension.
    enum Version: Equatable {
        /// ISO 11172-3.
        case mpeg1
        /// ISO 13818-3 low sample rates.
        case mpeg2
        /// The Fraunhofer extension for 8–12 kHz.
        case mpeg25
    }

    let version: Version
    /// 1, 2 or 3.
    let layer: Int
    /// Bits per second; 0 for free format (not measurable without decoding, refused).
    let bitrate: Int
    let sampleRate: Int
    let padding: Bool
    /// `true` when a 16-bit CRC follows the header.
    let hasCRC: Bool
    let isMono: Bool

    init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count >= 4 else { return nil }
        var it = bytes.makeIterator()
        let b0 = it.next()!, b1 = it.next()!, b2 = it.next()!, b3 = it.next()!
        guard b0 == 0xFF, b1 & 0xE0 == 0xE0 else { return nil }
        switch (b1 >> 3) & 3 {
        case 0: self.version = .mpeg25
        case 2: self.version = .mpeg2
        case 3: self.version = .mpeg1
        default: return nil
        }
        switch (b1 >> 1) & 3 {
        case 1: self.layer = 3
        case 2: self.layer = 2
        case 3: self.layer = 1
        default: return nil  // layer 0: reserved (ADTS AAC uses it)
        }
        let bitrateIndex = Int(b2 >> 4)
        let rateIndex = Int((b2 >> 2) & 3)
        guard bitrateIndex != 15, rateIndex != 3 else { return nil }
        let rates: [Int]
        switch self.version {
        case .mpeg1: rates = [44_100, 48_000, 32_000]
        case .mpeg2: rates = [22_050, 24_000, 16_000]
        case .mpeg25: rates = [11_025, 12_000, 8_000]
        }
        self.sampleRate = rates[rateIndex]
        self.bitrate = Self.bitrateTable(version: self.version, layer: self.layer)[bitrateIndex] * 1000
        self.padding = (b2 >> 1) & 1 == 1
        self.hasCRC = b1 & 1 == 0
        self.isMono = b3 >> 6 == 3
        guard b3 & 3 != 2 else { return nil }  // reserved emphasis
    }

    /// Samples per channel one frame decodes to.
    var samplesPerFrame: Int {
        switch (self.layer, self.version) {
        case (1, _): 384
        case (2, _), (3, .mpeg1): 1152
        default: 576
        }
    }

    /// Bytes from this header to the next one; `nil` for free format.
    var frameLength: Int? {
        guard self.bitrate > 0 else { return nil }
        let pad = self.padding ? 1 : 0
        switch self.layer {
        case 1: return (12 * self.bitrate / self.sampleRate + pad) * 4
        case 2: return 144 * self.bitrate / self.sampleRate + pad
        default: return self.samplesPerFrame / 8 * self.bitrate / self.sampleRate + pad
        }
    }

    /// Offset of a Xing/Info tag inside the first frame (after header, CRC and side information).
    var xingOffset: Int {
        let sideInfo: Int
        switch (self.version, self.isMono) {
        case (.mpeg1, true): sideInfo = 17
        case (.mpeg1, false): sideInfo = 32
        case (_, true): sideInfo = 9
        case (_, false): sideInfo = 17
        }
        return 4 + (self.hasCRC ? 2 : 0) + sideInfo
    }

    /// `true` when `other` can follow this frame in the same stream (same version, layer and rate).
    func isCompatible(with other: MPEGFrameHeader) -> Bool {
        self.version == other.version && self.layer == other.layer && self.sampleRate == other.sampleRate
    }

    private static func bitrateTable(version: Version, layer: Int) -> [Int] {
        switch (version, layer) {
        case (.mpeg1, 1): [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448]
        case (.mpeg1, 2): [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384]
        case (.mpeg1, _): [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
        case (_, 1): [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256]
        default: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
        }
    }
}
