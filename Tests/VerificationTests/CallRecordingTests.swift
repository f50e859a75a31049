import CallScript
import Foundation
import GreetingAudio
import PromptAudio
import Testing
import VoiceCall
@testable import Verification

/// `ivr call --audio`: the stereo recording of a call, checked against the call's own transcript
/// (SPEC §14) with espeak-ng for real and a Goertzel detector written in the tests.
@Suite("Call recordings", .serialized)
struct CallRecordingTests {
    static let header = "user rec@contoso.com\nphone +1 425 555 0100\nat 2026-11-25T10:00:00Z"

    @Test("A prompt lasts exactly as long as its audio in the call")
    func promptDurationIsItsAudio() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        _ = try #require(fixture.service.speaker, "espeak-ng is installed")
        let report = try fixture.call(Self.header, "answer\nlisten\npress #")
        let greeting = report.promptSet[.fraudGreetingStandard]
        #expect(greeting.durationSource == .audio)
        let sound = try fixture.service.audio(of: greeting)
        expectSpeechLevel(sound)
        let play = try #require(report.transcript.first { $0.event == .play(.fraudGreetingStandard) })
        let waits = try #require(report.transcript.first { $0.event == .timerStarted(.response, seconds: 10) })
        #expect(waits.time - play.time == sound.durationSeconds)
        #expect(greeting.durationSeconds == sound.durationSeconds)
        // And the estimate is something else: the audio really decided.
        #expect(sound.durationSeconds != SpeechDuration.estimate(text: greeting.text ?? "", language: .englishUS))
    }

    @Test("Left channel is silent after barge-in; right channel decodes back to the keys; length is the call's")
    func bargeInAndKeys() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let report = try fixture.call(Self.header, "answer\nwait 1\npress 5*\nwait 1\npress 9#\nlisten\npress #")
        let recording = try #require(try fixture.service.recording(of: report))
        let answer = try #require(report.transcript.first { $0.event == .answered }).time
        #expect(recording.frames == Int(((report.durationSeconds - answer) * 8_000).rounded()))
        #expect(recording.right.count == recording.frames)

        let cut = try #require(report.transcript.first { if case .interrupted = $0.event { true } else { false } })
        let nextPlay = try #require(report.transcript.first { if case .play = $0.event { $0.time > cut.time } else { false } })
        let cutSample = Int(((cut.time - answer) * 8_000).rounded())
        let nextSample = Int(((nextPlay.time - answer) * 8_000).rounded())
        #expect(nextSample - cutSample > 8_000)
        #expect(recording.left[cutSample..<nextSample].allSatisfy { $0 == 0 }, "silent from the barge-in to the next prompt")
        #expect(TelephoneAudio(samples: Array(recording.left[0..<cutSample])).rmsLevel > 0.01, "the greeting played until the key")
        #expect(TelephoneAudio(samples: Array(recording.left[nextSample...])).rmsLevel > 0.01)

        let keys = Goertzel.decode(recording.right).map(\.symbol)
        #expect(keys == ["5", "*", "9", "#", "#"])
        #expect(Goertzel.decode(recording.left).isEmpty, "no key tone leaks into the engine's channel")
    }

    @Test("On a PIN call the right channel reveals only #; the PIN digits are plain beeps")
    func pinKeysAreBeeps() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let report = try fixture.call(pinHeader(at: "2026-11-25T10:00:00Z"), "answer\nlisten\npress 1111#\nlisten\npress 4321#")
        #expect(report.result == .verified)
        let recording = try #require(try fixture.service.recording(of: report))
        let tones = Goertzel.decode(recording.right)
        #expect(tones.filter { $0.symbol != "beep" }.map(\.symbol) == ["#", "#"])
        // Eight digit presses of 0.3 s each are beeps: 2 × 1.2 s of 20 ms blocks (a block at each edge may straddle).
        let beepBlocks = tones.filter { $0.symbol == "beep" }.map(\.blocks).reduce(0, +)
        #expect(abs(beepBlocks - 120) <= 4, "beep blocks \(beepBlocks)")
        let answer = try #require(report.transcript.first { $0.event == .answered }).time
        #expect(recording.frames == Int(((report.durationSeconds - answer) * 8_000).rounded()))
    }

    @Test("Extension digits are DTMF on the left channel, 100 ms tone and 100 ms gap each")
    func extensionDigits() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let report = try fixture.call(
            "user ext@contoso.com\nphone +1 425 555 0100 x4207\nat 2026-11-25T10:00:00Z", "answer\nlisten\npress #\nlisten\npress #")
        let recording = try #require(try fixture.service.recording(of: report))
        let sent = try #require(report.transcript.first { $0.event == .sentDigits(KeySequence("4207")!) })
        let answer = try #require(report.transcript.first { $0.event == .answered }).time
        let start = Int(((sent.time - answer) * 8_000).rounded())
        let span = Array(recording.left[start..<(start + 4 * 1_600)])
        let tones = Goertzel.decode(span)
        #expect(tones.map(\.symbol) == ["4", "2", "0", "7"])
        #expect(tones.allSatisfy { $0.blocks == 5 }, "each tone 100 ms: \(tones.map(\.blocks))")
        #expect(Goertzel.decode(recording.right).map(\.symbol) == ["#", "#"])
    }

    @Test("An unanswered call has no recording; the written file is 8 kHz 16-bit stereo")
    func fileFormat() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let unanswered = try fixture.call(Self.header, "no-answer")
        #expect(try fixture.service.recording(of: unanswered) == nil)
        let report = try fixture.call(Self.header, "answer\nlisten\npress #")
        let recording = try #require(try fixture.service.recording(of: report))
        let file = fixture.directory.appendingPathComponent("call.wav")
        try recording.write(to: file.path)
        let bytes = [UInt8](try Data(contentsOf: file))
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        #expect(String(decoding: bytes[0..<4], as: UTF8.self) == "RIFF")
        #expect(u16(20) == 1 && u16(22) == 2 && u32(24) == 8_000 && u16(34) == 16)
        let decoded = try AudioDecoder.decode(fileAt: file.path)
        #expect(decoded.samples.count == recording.frames)
    }

    private func expectSpeechLevel(_ audio: TelephoneAudio, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(audio.rmsLevel > 0.01 && audio.rmsLevel < 0.5, "RMS \(audio.rmsLevel)", sourceLocation: sourceLocation)
    }
}
