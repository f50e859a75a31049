import DefaultGreetings
import Foundation
import Testing
import VoiceCall
@testable import PromptAudio

/// A fresh state directory with its own render cache, removed by `remove()`.
struct SpeakerFixture {
    let directory: URL
    let speaker: PromptSpeaker

    init(sourceLocation: SourceLocation = #_sourceLocation) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-audio-\(UUID().uuidString)")
        let espeak = try #require(Espeak.installed(), "espeak-ng is installed (scripts/install-deps.sh)", sourceLocation: sourceLocation)
        speaker = PromptSpeaker(synthesizer: espeak, cache: PromptAudioCache(stateDirectory: directory))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Every default prompt of every shipped language, rendered with the default settings.
func defaultPromptTexts() throws -> [(tag: LanguageTag, type: MessageType, text: String)] {
    let scripts = try DefaultScripts(files: DefaultGreetings.scripts())
    let library = PromptLibrary(defaults: scripts, customGreetings: [], productName: DefaultScripts.defaultProductName, fraudCode: "0")
    return scripts.languages.flatMap { tag in
        MessageType.allCases.map { type in (tag, type, library.render(type, language: tag, extension: type == .extensionPromptBeforeDigits ? "1234" : nil) ?? "") }
    }
}

/// Speech, as opposed to silence or noise: a plausible level (between −40 and −6 dBFS RMS) and
/// pauses between words (some 20 ms frames much quieter than the loudest).
func expectSpeech(_ audio: TelephoneAudio, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(audio.durationSeconds > 0.5, "\(what) lasts \(audio.durationSeconds) s", sourceLocation: sourceLocation)
    #expect(audio.rmsLevel > 0.01 && audio.rmsLevel < 0.5, "\(what): RMS \(audio.rmsLevel)", sourceLocation: sourceLocation)
    let frame = 160
    let levels = stride(from: 0, to: audio.samples.count - frame, by: frame).map { start in
        TelephoneAudio(samples: Array(audio.samples[start..<(start + frame)])).rmsLevel
    }
    let loudest = levels.max() ?? 0
    let voiced = levels.filter { $0 > loudest / 10 }.count
    #expect(voiced > levels.count / 4, "\(what): voiced frames \(voiced) of \(levels.count)", sourceLocation: sourceLocation)
    #expect(voiced < levels.count, "\(what): no pause at all", sourceLocation: sourceLocation)
}
