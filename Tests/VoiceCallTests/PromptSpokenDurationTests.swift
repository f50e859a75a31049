import Testing
@testable import VoiceCall

/// SPEC §14: once audio exists a default prompt lasts as long as its audio; the estimate is the
/// fallback. The pure library takes the audio's durations from a `SpokenDurations` it is given.
@Suite struct PromptSpokenDurationTests {
    /// Audio for every text but those it is told to lack: 1 ms per UTF-8 byte, recording each request.
    final class FakeSpeech: SpokenDurations, @unchecked Sendable {
        let missing: Set<String>
        var asked: [String] = []
        init(missing: Set<String> = []) { self.missing = missing }
        func durationSeconds(of text: String, language: LanguageTag) -> Double? {
            asked.append("\(language) \(text)")
            return missing.contains(text) ? nil : Double(text.utf8.count) / 1000
        }
    }

    private func library(_ speech: FakeSpeech?) throws -> PromptLibrary {
        let customs = [CustomGreetingRef(type: .greetingStandard, language: try LanguageTag("de-DE"), durationSeconds: 4.5, reference: "g")]
        return PromptLibrary(
            defaults: try RealScripts.scripts(), customGreetings: customs, productName: DefaultScripts.defaultProductName,
            fraudCode: "19", spoken: speech)
    }

    @Test("With audio, default prompts last their audio's duration and say so; custom greetings keep theirs")
    func audioDurations() throws {
        let speech = FakeSpeech()
        let resolver = try self.library(speech).resolver(for: LanguagePreference(parsing: "de-AT"))
        for type in MessageType.allCases {
            let prompt = resolver.resolve(type, extension: "77")
            if type == .greetingStandard {
                #expect(prompt.source == .custom)
                #expect(prompt.durationSeconds == 4.5 && prompt.durationSource == .audio)
            } else {
                let text = try #require(prompt.text)
                #expect(prompt.durationSeconds == Double(text.utf8.count) / 1000, "\(type.id)")
                #expect(prompt.durationSource == .audio)
            }
        }
        // The extension prompt is timed with the extension spoken in it, in the prompt's own language.
        #expect(speech.asked.contains { $0.hasPrefix("de-DE ") && $0.contains("sieben") })
        // Custom greetings are never sent to the synthesizer.
        #expect(speech.asked.count == MessageType.allCases.count - 1)
    }

    @Test("Without audio (no synthesizer, or a text it cannot speak) the estimate applies")
    func estimateFallback() throws {
        let plain = try self.library(nil).resolver(for: LanguagePreference(parsing: "en-US")).resolve(.authenticationSuccessful)
        #expect(plain.durationSource == .estimate)
        #expect(plain.durationSeconds == SpeechDuration.estimate(text: plain.text!, language: .englishUS))

        let speech = FakeSpeech(missing: [plain.text!])
        let partly = try self.library(speech).resolver(for: LanguagePreference(parsing: "en-US"))
        #expect(partly.resolve(.authenticationSuccessful) == plain)
        #expect(partly.resolve(.authenticationDenied).durationSource == .audio)
    }
}
