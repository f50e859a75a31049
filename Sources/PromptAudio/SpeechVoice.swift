import VoiceCall

/// The espeak-ng voice that speaks a language (SPEC §14: voices for all six default languages).
///
/// A custom-greeting language without a default script is never spoken (its default prompts fall
/// back to another language's script), so the voice follows the script's tag: exact regional
/// voices where espeak-ng has them (`en-us`, `fr-fr`, `pt-br`), else the primary language.
public struct SpeechVoice: Sendable, Hashable, CustomStringConvertible {
    /// The name given to `espeak-ng -v`.
    public let name: String

    /// Regional voices espeak-ng ships, by lower-cased tag.
    private static let regional: [String: String] = [
        "en-us": "en-us", "en-gb": "en-gb", "fr-fr": "fr-fr", "fr-be": "fr-be", "fr-ch": "fr-ch",
        "pt-br": "pt-br", "pt-pt": "pt", "es-es": "es", "de-de": "de", "ja-jp": "ja",
    ]
    /// Voices by primary language, for the six default languages and a few close relatives.
    private static let primary: [String: String] = [
        "en": "en-us", "fr": "fr-fr", "de": "de", "es": "es", "pt": "pt-br", "ja": "ja",
    ]

    /// The voice for `language`, or `nil` when espeak-ng has none we know of.
    public init?(for language: LanguageTag) {
        if let name = Self.regional[language.description.lowercased()] ?? Self.primary[language.primary] {
            self.name = name
        } else {
            return nil
        }
    }

    public var description: String { self.name }
}
