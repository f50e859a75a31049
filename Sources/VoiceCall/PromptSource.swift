/// Where a played prompt came from, as recorded per prompt in the sign-in log and JSON (`source`).
public enum PromptSource: String, Sendable, Codable, Equatable {
    /// An admin-uploaded greeting, played as recorded.
    case custom
    /// The default script of a language, spoken from text.
    case `default`
}

/// A custom greeting the admin uploaded, as the prompt resolver needs to know it: which prompt it
/// replaces, in which language, how long it plays, and how the player finds its audio.
///
/// The store owns the audio; `reference` is whatever it uses to find it again (a file name, an id).
public struct CustomGreetingRef: Sendable, Equatable {
    public let type: MessageType
    public let language: LanguageTag
    /// The decoded duration of the audio (SPEC §2: a custom greeting's duration is its decoded duration).
    public let durationSeconds: Double
    public let reference: String

    public init(type: MessageType, language: LanguageTag, durationSeconds: Double, reference: String) {
        self.type = type
        self.language = language
        self.durationSeconds = durationSeconds
        self.reference = reference
    }
}
