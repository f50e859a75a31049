import Foundation
import PromptAudio
import Testing
import VoiceCall
@testable import Verification

/// A custom greeting plays as its decoded recording, at 8 kHz, as long as the validator measured
/// it (SPEC §14), in `prompts play`, in `prompts render` and in a call's recording.
@Suite("Custom greeting audio", .serialized)
struct CustomGreetingAudioTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/greetings/accepted")

    @Test("Every accepted sample decodes to 8 kHz audio as long as its measured duration", arguments: [
        "hello.wav", "hello.mp3", "alaw-2s.wav", "float-1s.wav", "silence-ulaw.wav", "tone-19.9s.mp3", "tone-19.9s.wav", "trailing-junk.mp3",
    ])
    func decodedLikeMeasured(name: String) throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let upload = try fixture.service.addGreeting(
            type: .greetingStandard, language: try LanguageTag("de-DE"), file: Self.samples.appendingPathComponent(name).path)
        let record = try #require(upload.record)
        let prompt = try fixture.service.promptResolver(for: LanguagePreference(parsing: "de-AT")).resolve(.greetingStandard)
        #expect(prompt.source == .custom)
        let audio = try fixture.service.audio(of: prompt)
        // Resampling to 8 kHz and padding to a whole millisecond move the end by at most 2 ms.
        #expect(abs(audio.durationSeconds - record.durationSeconds) <= 0.002, "\(name): \(audio.durationSeconds) vs \(record.durationSeconds)")
        if name.hasPrefix("silence") {
            #expect(audio.rmsLevel < 0.001)
        } else {
            #expect(audio.rmsLevel > 0.01, "\(name) is not silent")
        }
    }

    @Test("play and render use the custom greeting where it applies, and a recording plays it")
    func customInPlayRenderAndRecording() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        _ = try fixture.service.addGreeting(
            type: .fraudGreetingStandard, language: try LanguageTag("de-DE"), file: Self.samples.appendingPathComponent("hello.mp3").path)
        let german = try fixture.service.promptAudio(.fraudGreetingStandard, languages: LanguagePreference(parsing: "de-DE"), extension: nil)
        #expect(german.prompt.source == .custom)
        let english = try fixture.service.promptAudio(.fraudGreetingStandard, languages: LanguagePreference(parsing: "en-US"), extension: nil)
        #expect(english.prompt.source == .default)
        #expect(german.audio != english.audio)

        _ = try fixture.service.addGreeting(
            type: .greetingPIN, language: try LanguageTag("nl-NL"), file: Self.samples.appendingPathComponent("hello.wav").path)
        #expect(try fixture.service.renderLanguages().map(\.description) == ["de-DE", "en-US", "es-ES", "fr-FR", "ja-JP", "nl-NL", "pt-BR"])
        let dutch = try fixture.service.renderPrompts(language: try LanguageTag("nl-NL"))
        #expect(dutch.count == 18)
        #expect(dutch.filter { $0.source == "custom" }.map(\.type) == ["greeting-pin"])
        #expect(dutch.filter { $0.source == "default" }.allSatisfy { $0.language == "en-US" })
        let rendered = try fixture.service.renderPrompts(language: try LanguageTag("de-DE"))
        let custom = try #require(rendered.first { $0.type == "fraud-greeting-standard" })
        #expect(custom.source == "custom" && custom.status == "decoded" && custom.file == nil)

        let report = try fixture.call("user de@contoso.com\nphone +1 425 555 0100\nlanguage de-DE\nat 2026-11-25T10:00:00Z", "answer\nlisten\npress #")
        #expect(report.result == .verified)
        let recording = try #require(try fixture.service.recording(of: report))
        let greeting = german.audio.samples
        #expect(Array(recording.left.prefix(greeting.count)) == greeting, "the recording opens with the custom greeting as decoded")
    }
}
