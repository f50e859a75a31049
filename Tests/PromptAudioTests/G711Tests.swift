import Testing
@testable import PromptAudio

/// G.711 against the standard's tables (ITU-T G.711 Tables 1a/2a): code words of known values,
/// where each segment starts, and every 16-bit sample round-tripping within its step.
@Suite("G.711")
struct G711Tests {
    /// µ-law: 14-bit decision values where each segment after the first begins (Table 2a: 31, 95,
    /// …, 4063); at 16-bit scale ×4. The code word carries the segment in bits 4–6 of its inverted form.
    static let muLawSegmentStarts14 = [31, 95, 223, 479, 991, 2015, 4063]
    /// A-law: 13-bit magnitudes where each segment ends (Table 1a: 31, 63, 127, …, 2047); ×8 at 16-bit.
    static let aLawSegmentEnds13 = [31, 63, 127, 255, 511, 1023, 2047]

    @Test("µ-law code words of known values")
    func muLawKnownCodeWords() {
        #expect(G711.muLaw(encode: 0) == 0xFF)
        #expect(G711.muLaw(encode: Int16.max) == 0x80)
        #expect(G711.muLaw(encode: Int16.min) == 0x00)
        #expect(G711.muLaw(encode: -1) == 0x7F)
        #expect(G711.muLaw(decode: 0xFF) == 0)
        #expect(G711.muLaw(decode: 0x7F) == 0)
        #expect(G711.muLaw(decode: 0x80) == 32_124)
        #expect(G711.muLaw(decode: 0x00) == -32_124)
        // Table 2a decoder outputs (14-bit, ×4 here): the top interval of segment 0 decodes to 30,
        // the first of segment 1 to 33, the first of segment 7 to 4191.
        #expect(G711.muLaw(decode: 0xF0) == 30 * 4)
        #expect(G711.muLaw(decode: 0xEF) == 33 * 4)
        #expect(G711.muLaw(decode: 0x8F) == 4191 * 4)
    }

    @Test("µ-law segment boundaries")
    func muLawSegments() {
        for (segment, start) in Self.muLawSegmentStarts14.enumerated() {
            let last = Int16(start * 4 - 1), first = Int16(start * 4)
            #expect(Self.muLawSegment(G711.muLaw(encode: last)) == segment, "below 14-bit \(start) is segment \(segment)")
            #expect(Self.muLawSegment(G711.muLaw(encode: first)) == segment + 1, "14-bit \(start) starts segment \(segment + 1)")
            #expect(Self.muLawSegment(G711.muLaw(encode: -first)) == segment + 1)
        }
    }

    @Test("A-law code words of known values")
    func aLawKnownCodeWords() {
        #expect(G711.aLaw(encode: 0) == 0xD5)
        #expect(G711.aLaw(encode: -1) == 0x55)
        #expect(G711.aLaw(encode: Int16.max) == 0xAA)
        #expect(G711.aLaw(encode: Int16.min) == 0x2A)
        #expect(G711.aLaw(decode: 0xD5) == 8)
        #expect(G711.aLaw(decode: 0x55) == -8)
        #expect(G711.aLaw(decode: 0xAA) == 32_256)
        #expect(G711.aLaw(decode: 0x2A) == -32_256)
    }

    @Test("A-law segment boundaries")
    func aLawSegments() {
        for (segment, end) in Self.aLawSegmentEnds13.enumerated() {
            let last = Int16(end * 8 + 7), first = Int16((end + 1) * 8)
            #expect(Self.aLawSegment(G711.aLaw(encode: last)) == segment, "13-bit \(end) ends segment \(segment)")
            #expect(Self.aLawSegment(G711.aLaw(encode: first)) == segment + 1, "13-bit \(end + 1) starts segment \(segment + 1)")
        }
    }

    @Test("every 16-bit sample round-trips within half its quantisation step")
    func roundTrips() {
        for value in Int(Int16.min)...Int(Int16.max) {
            let sample = Int16(value)
            let magnitude = min(abs(value), 32_635)
            // µ-law step at 16-bit scale: 8 << segment, segment from the biased magnitude.
            let muSegment = Self.muLawSegment(G711.muLaw(encode: sample))
            let muError = abs(Int(G711.muLaw(decode: G711.muLaw(encode: sample))) - value)
            #expect(muError <= (8 << muSegment) / 2 + (abs(value) - magnitude) + 4, "µ-law \(value) → error \(muError)")
            // A-law step at 16-bit scale: 16 in segments 0 and 1, then 16 << (segment - 1).
            let aSegment = Self.aLawSegment(G711.aLaw(encode: sample))
            let aStep = aSegment < 2 ? 16 : 16 << (aSegment - 1)
            let aError = abs(Int(G711.aLaw(decode: G711.aLaw(encode: sample))) - value)
            #expect(aError <= aStep / 2 + 8, "A-law \(value) → error \(aError)")
            if muError > (8 << muSegment) / 2 + (abs(value) - magnitude) + 4 || aError > aStep / 2 + 8 { return }
        }
        // Code words map back to themselves (decode then encode is the identity, but for µ-law's
        // negative zero 0x7F, which decodes to 0 and encodes as positive zero 0xFF).
        for code in 0...255 where code != 0x7F {
            #expect(G711.muLaw(encode: G711.muLaw(decode: UInt8(code))) == UInt8(code))
            #expect(G711.aLaw(encode: G711.aLaw(decode: UInt8(code))) == UInt8(code))
        }
    }

    static func muLawSegment(_ code: UInt8) -> Int { Int((~code >> 4) & 0x07) }
    static func aLawSegment(_ code: UInt8) -> Int { Int(((code ^ 0x55) >> 4) & 0x07) }
}
