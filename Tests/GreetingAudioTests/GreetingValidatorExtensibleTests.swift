import Testing
@testable import GreetingAudio

/// `WAVE_FORMAT_EXTENSIBLE` (0xFFFE): what sox and ffmpeg write for 24/32-bit, float, many
/// channels and often 48 kHz. The sub-format GUID decides the codec (SPEC §4).
@Suite struct GreetingValidatorExtensibleTests {
    @Test(
        "PCM and float sub-formats are accepted",
        arguments: [(UInt16(1), UInt16(16), UInt16(1)), (1, 24, 2), (1, 32, 1), (3, 32, 2), (3, 64, 1), (1, 16, 6)])
    func accepted(tag: UInt16, bits: UInt16, channels: UInt16) throws {
        let builder = WAVBuilder(channels: channels, sampleRate: 48_000, bitsPerSample: bits, subFormat: WAVBuilder.subFormat(tag: tag))
        let path = try GreetingFixtures.write(builder.bytes(frames: 48_000, silent: true), named: "extensible.wav")
        let report = GreetingValidator.validate(fileAt: path)
        #expect(report.reasons == [])
        #expect(report.format == .wav)
        #expect(report.durationSeconds == 1)
    }

    @Test(
        "other sub-formats are refused by name",
        arguments: [(UInt16(0x0002), "Microsoft ADPCM"), (0x0006, "A-law"), (0x0007, "µ-law"), (0x0055, "MP3"), (0x1234, "codec 0x1234")])
    func refused(tag: UInt16, name: String) throws {
        let builder = WAVBuilder(bitsPerSample: 8, subFormat: WAVBuilder.subFormat(tag: tag))
        let path = try GreetingFixtures.write(builder.bytes(frames: 8_000), named: "extensible.wav")
        let report = GreetingValidator.validate(fileAt: path)
        #expect(!report.accepted)
        #expect(report.format == .wav)
        #expect(report.reasons.count == 1)
        #expect(report.reasons.first?.contains(name) == true, "\(report.reasons)")
        #expect(report.reasons.first?.contains("extensible") == true, "\(report.reasons)")
    }

    @Test("a GUID outside Microsoft's base (Ambisonic B-format, say) is refused and shown")
    func foreignGUID() throws {
        // KSDATAFORMAT_SUBTYPE_AMBISONIC_B_FORMAT_PCM: 00000001-0721-11D3-8644-C8C1CA000000
        let guid: [UInt8] = [1, 0, 0, 0, 0x21, 0x07, 0xD3, 0x11, 0x86, 0x44, 0xC8, 0xC1, 0xCA, 0, 0, 0]
        let builder = WAVBuilder(bitsPerSample: 16, subFormat: guid)
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(builder.bytes(frames: 8_000), named: "ambi.wav"))
        #expect(!report.accepted)
        #expect(report.reasons.first?.contains("00000001-0721-11D3-8644-C8C1CA000000") == true, "\(report.reasons)")
    }

    @Test("an extensible fmt chunk too short for its GUID is damaged")
    func shortExtensible() throws {
        var bytes = WAVBuilder(bitsPerSample: 16).bytes(frames: 8_000)
        bytes[20] = 0xFE; bytes[21] = 0xFF  // the plain 16-byte fmt chunk now claims to be extensible
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(bytes, named: "short.wav"))
        #expect(report.reasons == ["The WAV file is damaged: its extensible fmt chunk is too short."])
    }
}
