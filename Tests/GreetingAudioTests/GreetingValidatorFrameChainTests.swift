import Testing
@testable import GreetingAudio

/// An MP3 starts with a run of chained frames (each header where the previous frame ends, as a
/// decoder needs to lock on), and only chained frames count as audio (issue 12).
@Suite struct GreetingValidatorFrameChainTests {
    /// A header that looks like a 128 kbit/s 44.1 kHz MPEG-1 Layer III frame of 417 bytes.
    static let fakeSync: [UInt8] = [0xFF, 0xFB, 0x90, 0x64]

    /// Seeded noise with `fakeSync` at `offsets` (none where a previous fake frame would end).
    static func noise(count: Int, fakeSyncsAt offsets: [Int], seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes = (0..<count).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        for at in offsets { bytes.replaceSubrange(at..<at + 4, with: Self.fakeSync) }
        return bytes
    }

    @Test("the committed random-bytes sample opens with a fake sync and is refused as not audio")
    func committedSample() throws {
        let bytes = try GreetingFixtures.read(sample: "rejected/random-fake-syncs.mp3")
        #expect(Array(bytes.prefix(4)) == Self.fakeSync)
        let report = GreetingValidator.validate(fileAt: GreetingFixtures.sample("rejected/random-fake-syncs.mp3"))
        #expect(report.format == nil)
        #expect(report.durationSeconds == nil)
        #expect(report.reasons == ["The file is neither WAV nor MP3 audio."])
    }

    @Test("64 KiB of noise with isolated fake syncs is not an MP3, whatever the seed", arguments: [1, 2, 3, 4] as [UInt64])
    func noiseIsNotMP3(seed: UInt64) throws {
        let bytes = Self.noise(count: 65_536, fakeSyncsAt: [0, 3_000, 17_001, 40_000, 65_000], seed: seed)
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(bytes, named: "noise.mp3"))
        #expect(!report.accepted)
        #expect(report.format == nil)
        #expect(report.durationSeconds == nil)
    }

    @Test("noise with fake syncs after the real frames adds no duration")
    func fakeFramesAfterAudioAddNothing() throws {
        let audio = try GreetingFixtures.read(sample: "accepted/hello.mp3")
        let plain = GreetingValidator.validate(fileAt: GreetingFixtures.sample("accepted/hello.mp3"))
        let junk = Self.noise(count: 60_000, fakeSyncsAt: Array(stride(from: 1, to: 59_000, by: 1_500)), seed: 9)
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(audio + [0] + junk, named: "tail.mp3"))
        #expect(report.reasons == [])
        #expect(report.durationSeconds == plain.durationSeconds)
    }

    @Test("a single valid frame that does not chain is not the start of an MP3")
    func lonelyFrameThenText() throws {
        let audio = try GreetingFixtures.read(sample: "accepted/hello.mp3")
        let first = try #require(MPEGFrameHeader(audio.prefix(4)))
        let length = try #require(first.frameLength)
        let lonely = Array(audio.prefix(length)) + Array(String(repeating: "not a frame ", count: 200).utf8)
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(lonely, named: "lonely.mp3"))
        #expect(!report.accepted)
        #expect(report.format == nil)
    }

    @Test("a greeting refused for its size still reports the format sniffed from its first bytes")
    func tooLargeKeepsFormat() throws {
        let audio = try GreetingFixtures.read(sample: "accepted/hello.mp3")
        let padding = [UInt8](repeating: 0x20, count: 1_048_577 - audio.count)
        let report = GreetingValidator.validate(fileAt: try GreetingFixtures.write(audio + padding, named: "big.mp3"))
        #expect(report.format == .mp3)
        #expect(report.durationSeconds == nil)
        #expect(report.reasons == ["The file is 1048577 bytes; a greeting may be at most 1048576 bytes."])
    }
}
