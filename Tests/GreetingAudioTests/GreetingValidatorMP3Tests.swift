import Testing
@testable import GreetingAudio

/// MP3 rules of SPEC §4, on the samples and on bytes derived from them.
@Suite struct GreetingValidatorMP3Tests {
    @Test("1,048,576 bytes (audio plus trailing junk) are accepted, 1,048,577 are refused")
    func sizeLimit() throws {
        let audio = try GreetingFixtures.read(sample: "accepted/hello.mp3")
        let padding = [UInt8](repeating: 0x20, count: 1_048_576 - audio.count)
        let fits = GreetingValidator.validate(fileAt: try GreetingFixtures.write(audio + padding, named: "fits.mp3"))
        #expect(fits.accepted, "\(fits.reasons)")
        #expect(fits.sizeBytes == 1_048_576)
        #expect(abs((fits.durationSeconds ?? 0) - 5.72975) < 0.0005)
        let over = GreetingValidator.validate(fileAt: try GreetingFixtures.write(audio + padding + [0x20], named: "over.mp3"))
        #expect(over.reasons == ["The file is 1048577 bytes; a greeting may be at most 1048576 bytes."])
    }

    @Test("a Xing frame count forged down to 5 s does not hide 40 s of frames")
    func forgedXing() {
        let report = GreetingValidator.validate(fileAt: GreetingFixtures.sample("rejected/forged-xing-40s.mp3"))
        #expect(report.format == .mp3)
        #expect(report.durationSeconds == 40)
        #expect(report.reasons == ["The greeting lasts 40.000 s; it must be shorter than 20.000 s."])
    }

    @Test("frames hidden after a junk byte are still counted (libmpg123 resynchronises)")
    func framesAfterJunk() throws {
        let long = try GreetingFixtures.read(sample: "rejected/forged-xing-40s.mp3")
        // Cut after ~4 s of frames and insert one junk byte: the header scan stops there, the decoder does not.
        var reader = WindowedReader(file: try AudioFile(path: GreetingFixtures.sample("rejected/forged-xing-40s.mp3")))
        let first = try #require(MPEGFrameHeader(try reader.bytes(at: 0, count: 4)))
        var offset = 0
        for _ in 0..<60 {
            let header = try #require(MPEGFrameHeader(try reader.bytes(at: offset, count: 4)))
            offset += try #require(header.frameLength)
        }
        #expect(first.layer == 3)
        let spliced = Array(long[..<offset]) + [0x00] + Array(long[offset...])
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(spliced, named: "spliced.mp3"))
        #expect(!report.accepted)
        #expect((report.durationSeconds ?? 0) >= 20)
    }

    @Test("an ID3v2 tag before the first frame is allowed")
    func id3v2() throws {
        let audio = try GreetingFixtures.read(sample: "accepted/hello.mp3")
        let body = Array("TIT2\0\0\0\u{6}\0\0\0Hello".utf8)
        let size = body.count
        let tag: [UInt8] = Array("ID3".utf8) + [4, 0, 0, 0, 0, UInt8(size >> 7), UInt8(size & 0x7F)] + body
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(tag + audio, named: "tagged.mp3"))
        #expect(report.accepted, "\(report.reasons)")
        #expect(abs((report.durationSeconds ?? 0) - 5.72975) < 0.0005)
    }

    @Test("an ID3v2 tag longer than the file is a truncation")
    func truncatedID3() throws {
        let tag: [UInt8] = Array("ID3".utf8) + [4, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F] + [UInt8](repeating: 0, count: 100)
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(tag, named: "tag.mp3"))
        #expect(report.reasons == ["The file is truncated: its ID3 tag claims more bytes than the file holds."])
    }

    @Test("random bytes named .mp3 are not audio")
    func randomBytes() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) & 0x7F | 0x01 }
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(bytes, named: "noise.mp3"))
        #expect(!report.accepted)
        #expect(report.format == nil)
    }
}
