import Testing
@testable import GreetingAudio

/// Frame lengths and sample counts from the header alone (ISO 11172-3 / 13818-3 tables).
@Suite struct MPEGFrameHeaderTests {
    @Test(
        "Layer III headers",
        arguments: [
            ([0xFF, 0xFB, 0x90, 0x64] as [UInt8], 44_100, 417, 1152),  // MPEG-1 128 kbit/s
            ([0xFF, 0xFB, 0x92, 0x64], 44_100, 418, 1152),  // same, padded
            ([0xFF, 0xF3, 0x40, 0xC4], 22_050, 104, 576),  // MPEG-2 32 kbit/s
            ([0xFF, 0xE3, 0x38, 0xC4], 8_000, 216, 576),  // MPEG-2.5 24 kbit/s
        ])
    func layerThree(bytes: [UInt8], rate: Int, length: Int, samples: Int) throws {
        let header = try #require(MPEGFrameHeader(bytes))
        #expect(header.layer == 3)
        #expect(header.sampleRate == rate)
        #expect(header.frameLength == length)
        #expect(header.samplesPerFrame == samples)
    }

    @Test("not headers", arguments: [[0xFF, 0xFB, 0xF0, 0x64] as [UInt8], [0xFF, 0xFB, 0x9C, 0x64], [0xFF, 0xEB, 0x90, 0x64], [0xFF, 0xF1, 0x50, 0x80], [0x49, 0x44, 0x33, 0x04], [0xFF, 0xFB]])
    func invalid(bytes: [UInt8]) {
        #expect(MPEGFrameHeader(bytes) == nil)
    }
}
