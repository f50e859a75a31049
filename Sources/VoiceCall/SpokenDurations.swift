/// Where a prompt's duration comes from (SPEC §14): its audio (a custom greeting's decoded
/// recording, or a default prompt as the synthesizer speaks it) or, when no synthesizer is
/// installed, the words-per-minute estimate of `SpeechDuration`.
public enum DurationSource: String, Sendable, Codable, Equatable {
    case audio
    case estimate
}

/// How long default prompts last when spoken: the synthesizer's audio, measured outside this
/// pure module (PromptAudio renders and caches it). `nil` means "no audio": the estimate applies.
public protocol SpokenDurations: Sendable {
    func durationSeconds(of text: String, language: LanguageTag) -> Double?
}

extension ResolvedPrompt {
    /// This default prompt timed by its spoken audio when `spoken` knows it; otherwise unchanged.
    func timed(by spoken: (any SpokenDurations)?) -> ResolvedPrompt {
        guard self.source == .default, let spoken, let text = self.text,
              let seconds = spoken.durationSeconds(of: text, language: self.language)
        else { return self }
        return ResolvedPrompt(
            type: self.type, language: self.language, source: self.source, text: text, durationSeconds: seconds,
            customReference: self.customReference, durationSource: .audio)
    }
}
