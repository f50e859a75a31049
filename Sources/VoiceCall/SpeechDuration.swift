/// Estimates how long a default prompt takes to speak, so virtual-time calls can run prompts for a
/// plausible length (SPEC §2: "a default prompt's duration is estimated from its text").
///
/// Rates, chosen as typical for IVR text-to-speech:
/// - Languages written with spaces: **150 words per minute**, so 0.4 s per word. A word is a run of
///   non-blank characters holding at least one letter or digit ("one," is a word, "—" is not).
/// - Japanese (`ja`) and Chinese (`zh`), written without spaces: **6 characters per second**
///   (≈ 0.167 s each), counting every character except white space and punctuation.
///
/// The estimate is taken from the rendered text, so spoken keys (a fraud code, an extension) count
/// like any other word. The result is rounded to the millisecond so it prints cleanly.
public enum SpeechDuration {
    /// Seconds per word for languages written with spaces (150 words per minute).
    public static let secondsPerWord = 0.4
    /// Seconds per character for Japanese and Chinese (6 characters per second).
    public static let secondsPerCharacter = 1.0 / 6.0

    /// The estimated speaking time of `text` in `language`, in seconds.
    public static func estimate(text: String, language: LanguageTag) -> Double {
        let seconds: Double
        switch language.primary {
        case "ja", "zh":
            var characters = 0
            for scalar in text.unicodeScalars where !scalar.properties.isWhitespace && !isPunctuation(scalar) {
                characters += 1
            }
            seconds = Double(characters) * secondsPerCharacter
        default:
            var words = 0
            var inWord = false
            var wordHasLetter = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    if inWord && wordHasLetter { words += 1 }
                    inWord = false
                    wordHasLetter = false
                } else {
                    inWord = true
                    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { wordHasLetter = true }
                }
            }
            if inWord && wordHasLetter { words += 1 }
            seconds = Double(words) * secondsPerWord
        }
        return (seconds * 1000).rounded() / 1000
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            true
        default:
            false
        }
    }
}
