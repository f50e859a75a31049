/// ITU-T G.711 companding: 16-bit linear PCM to 8-bit µ-law (North America, Japan) or A-law
/// (Europe, most of the world) code words and back, as the telephone network carries them.
///
/// The arithmetic is the standard's: µ-law works on the 14-bit magnitude with a bias of 33
/// (132 at 16-bit scale) and eight segments, each doubling its step; A-law on the 13-bit
/// magnitude with segments 0 and 1 sharing the smallest step. Code words are transmitted
/// inverted (µ-law: all bits; A-law: the even bits, XOR 0x55), as G.711 Tables 1a/2a specify.
/// Decoding yields the middle of each quantisation interval.
public enum G711 {
    // MARK: µ-law

    private static let muLawBias = 0x84
    private static let muLawClip = 32_635

    /// Encodes one 16-bit sample as a µ-law code word.
    public static func muLaw(encode sample: Int16) -> UInt8 {
        var magnitude = Int(sample)
        let sign = magnitude < 0 ? 0x80 : 0x00
        if magnitude < 0 { magnitude = -magnitude }
        magnitude = min(magnitude, muLawClip) + muLawBias
        // The segment is the position of the highest set bit among bits 7...14.
        var exponent = 7
        while exponent > 0 && magnitude & (0x4000 >> (7 - exponent)) == 0 { exponent -= 1 }
        let mantissa = (magnitude >> (exponent + 3)) & 0x0F
        return ~UInt8(sign | exponent << 4 | mantissa)
    }

    /// Decodes one µ-law code word to a 16-bit sample.
    public static func muLaw(decode code: UInt8) -> Int16 {
        let value = Int(~code)
        let exponent = (value >> 4) & 0x07
        let mantissa = value & 0x0F
        let magnitude = ((mantissa << 3) + muLawBias) << exponent - muLawBias
        return Int16(value & 0x80 != 0 ? -magnitude : magnitude)
    }

    // MARK: A-law

    /// The largest 13-bit magnitude of each A-law segment.
    private static let aLawSegmentEnds = [0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF]

    /// Encodes one 16-bit sample as an A-law code word.
    public static func aLaw(encode sample: Int16) -> UInt8 {
        var magnitude = Int(sample) >> 3
        let mask: Int
        if magnitude >= 0 {
            mask = 0xD5
        } else {
            mask = 0x55
            magnitude = -magnitude - 1
        }
        guard let segment = aLawSegmentEnds.firstIndex(where: { magnitude <= $0 }) else {
            return UInt8(0x7F ^ mask)
        }
        let mantissa = (segment < 2 ? magnitude >> 1 : magnitude >> segment) & 0x0F
        return UInt8((segment << 4 | mantissa) ^ mask)
    }

    /// Decodes one A-law code word to a 16-bit sample.
    public static func aLaw(decode code: UInt8) -> Int16 {
        let value = Int(code ^ 0x55)
        var magnitude = (value & 0x0F) << 4
        let segment = (value & 0x70) >> 4
        switch segment {
        case 0: magnitude += 8
        case 1: magnitude += 0x108
        default: magnitude = (magnitude + 0x108) << (segment - 1)
        }
        return Int16(value & 0x80 != 0 ? magnitude : -magnitude)
    }

    // MARK: Whole buffers

    public static func muLaw(encode audio: TelephoneAudio) -> [UInt8] { audio.samples.map { muLaw(encode: $0) } }
    public static func aLaw(encode audio: TelephoneAudio) -> [UInt8] { audio.samples.map { aLaw(encode: $0) } }
    public static func muLaw(decode codes: [UInt8]) -> TelephoneAudio { TelephoneAudio(samples: codes.map { muLaw(decode: $0) }) }
    public static func aLaw(decode codes: [UInt8]) -> TelephoneAudio { TelephoneAudio(samples: codes.map { aLaw(decode: $0) }) }
}
