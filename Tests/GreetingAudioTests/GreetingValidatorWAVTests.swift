import Foundation
import Testing
@testable import GreetingAudio

/// WAV rules of SPEC §4 on WAVs built byte by byte.
@Suite struct GreetingValidatorWAVTests {
    @Test("19.9 s is accepted, 20.1 s and exactly 20.000 s are refused")
    func durationLimit() throws {
        let builder = WAVBuilder()
        let short = GreetingValidator.validate(fileAt: try GreetingFixtures.write(builder.bytes(frames: 159_200), named: "a.wav"))
        #expect(short.accepted)
        #expect(short.durationSeconds == 19.9)
        let exact = GreetingValidator.validate(fileAt: try GreetingFixtures.write(builder.bytes(frames: 160_000), named: "b.wav"))
        #expect(!exact.accepted)
        #expect(exact.reasons == ["The greeting lasts 20.000 s; it must be shorter than 20.000 s."])
        let long = GreetingValidator.validate(fileAt: try GreetingFixtures.write(builder.bytes(frames: 160_800), named: "c.wav"))
        #expect(!long.accepted)
        #expect(long.durationSeconds == 20.1)
    }

    @Test("1,048,576 bytes are accepted, 1,048,577 bytes are refused by size")
    func sizeLimit() throws {
        // 48 kHz 16-bit mono: 1 MiB is about 10.9 s, well under the duration limit.
        let builder = WAVBuilder(sampleRate: 48_000, bitsPerSample: 16)
        let dataBytes = 1_048_576 - WAVBuilder.headerSize
        let fits = builder.bytes(data: [UInt8](repeating: 0, count: dataBytes))
        #expect(fits.count == 1_048_576)
        let fitsReport = GreetingValidator.validate(fileAt: try GreetingFixtures.write(fits, named: "fits.wav"))
        #expect(fitsReport.accepted, "\(fitsReport.reasons)")
        #expect(fitsReport.sizeBytes == 1_048_576)

        let over = builder.bytes(data: [UInt8](repeating: 0, count: dataBytes + 2))
        let overReport = GreetingValidator.validate(fileAt: try GreetingFixtures.write(Array(over.dropLast()), named: "over.wav"))
        #expect(overReport.sizeBytes == 1_048_577)
        #expect(overReport.reasons == ["The file is 1048577 bytes; a greeting may be at most 1048576 bytes."])
        #expect(overReport.format == .wav)  // sniffed from the first bytes, never decoded
        #expect(overReport.durationSeconds == nil)
    }

    @Test("a 1 GiB file is refused by its size without being read")
    func hugeFile() throws {
        let url = try GreetingFixtures.scratchDirectory().appendingPathComponent("huge.wav")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 1 << 30)  // sparse: no disk used
        try handle.close()
        let report = GreetingValidator.validate(fileAt: url.path)
        #expect(report.sizeBytes == 1 << 30)
        #expect(report.format == nil)
        #expect(report.reasons.count == 1)
        #expect(report.durationSeconds == nil)
    }

    @Test("a data size forged to claim 5 s over 40 s of audio is refused")
    func forgedDataSize() throws {
        var builder = WAVBuilder()
        builder.declaredDataSize = 5 * 8_000
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(builder.bytes(frames: 40 * 8_000), named: "forged.wav"))
        #expect(!report.accepted)
        #expect(report.durationSeconds == 40)
    }

    @Test("data size 0xFFFFFFFF or 0 means to the end of the file", arguments: [UInt32.max, 0])
    func streamingSize(declared: UInt32) throws {
        var builder = WAVBuilder()
        builder.declaredDataSize = declared
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(builder.bytes(frames: 24_000), named: "stream.wav"))
        #expect(report.accepted, "\(report.reasons)")
        #expect(report.durationSeconds == 3)
    }

    @Test("a declared data size the file does not hold is a truncation")
    func truncatedData() throws {
        var builder = WAVBuilder()
        builder.declaredDataSize = 10_000
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(builder.bytes(frames: 9_000), named: "cut.wav"))
        #expect(report.reasons == [
            "The file is truncated: the data chunk announces 10000 bytes of audio but the file holds only 9000."
        ])
    }

    @Test("silence is audio and is accepted")
    func silence() throws {
        let builder = WAVBuilder(bitsPerSample: 16)
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(builder.bytes(frames: 16_000, silent: true), named: "quiet.wav"))
        #expect(report.accepted)
        #expect(report.durationSeconds == 2)
    }

    @Test(
        "PCM, float, A-law and µ-law are accepted",
        arguments: [(UInt16(1), UInt16(8)), (1, 16), (1, 24), (1, 32), (3, 32), (3, 64), (6, 8), (7, 8)])
    func acceptedCodecs(tag: UInt16, bits: UInt16) throws {
        let builder = WAVBuilder(formatTag: tag, bitsPerSample: bits)
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(builder.bytes(frames: 8_000, silent: true), named: "codec.wav"))
        #expect(report.accepted, "\(report.reasons)")
        #expect(report.durationSeconds == 1)
    }

    @Test("other codecs in a RIFF container are refused", arguments: [(UInt16(0x55), "MP3"), (0x02, "Microsoft ADPCM"), (0x11, "IMA ADPCM"), (0x1234, "codec 0x1234")])
    func refusedCodecs(tag: UInt16, name: String) throws {
        let builder = WAVBuilder(formatTag: tag)
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(builder.bytes(frames: 8_000), named: "codec.wav"))
        #expect(report.format == .wav)
        #expect(report.reasons.count == 1)
        #expect(report.reasons.first?.contains(name) == true)
    }

    @Test("chunks before the audio are skipped; a WAV without data holds no audio")
    func chunks() throws {
        var builder = WAVBuilder()
        builder.extraChunks = [("LIST", Array("INFOISFT\u{5}\0\0\0sox!".utf8)), ("fact", [1, 2, 3, 4])]
        let ok = GreetingValidator.validate(fileAt: try GreetingFixtures.write(builder.bytes(frames: 8_000), named: "list.wav"))
        #expect(ok.accepted, "\(ok.reasons)")
        #expect(ok.durationSeconds == 1)
        let header = Array(WAVBuilder().bytes(frames: 0).dropLast(8))  // cut the empty data chunk
        let none = GreetingValidator.validate(fileAt: try GreetingFixtures.write(header, named: "nodata.wav"))
        #expect(!none.accepted)
        #expect(none.reasons == ["The file holds no audio."])
    }

    @Test("the report encodes to the SPEC §10 keys, with explicit nulls")
    func json() throws {
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write([], named: "e.wav"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(report), as: UTF8.self)
        #expect(text.hasPrefix(#"{"accepted":false,"durationSeconds":null,"file":""#))
        #expect(text.hasSuffix(#"","format":null,"reasons":["The file is empty."],"sizeBytes":0}"#))
        #expect(try JSONDecoder().decode(GreetingReport.self, from: encoder.encode(report)) == report)
    }
}
