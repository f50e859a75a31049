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
            self.forEachKind(in: text) { kind in
                if kind == .wordCharacter { characters += 1 }
            }
            seconds = Double(characters) * secondsPerCharacter
        default:
            var words = 0
            var inWord = false
            var wordHasLetter = false
            self.forEachKind(in: text) { kind in
                switch kind {
                case .space:
                    if inWord && wordHasLetter { words += 1 }
                    inWord = false
                    wordHasLetter = false
                case .punctuation:
                    inWord = true
                case .wordCharacter:
                    inWord = true
                    wordHasLetter = true
                }
            }
            if inWord && wordHasLetter { words += 1 }
            seconds = Double(words) * secondsPerWord
        }
        return (seconds * 1000).rounded() / 1000
    }

    private enum Kind { case space, punctuation, wordCharacter }

    /// Calls `body` with the kind of every character of `text`: ASCII bytes through a table,
    /// other characters decoded from the (always valid) UTF-8 and passed through `kind(_:)`.
    @inline(__always)
    private static func forEachKind(in text: String, _ body: (Kind) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            let table = asciiKinds
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    body(table[Int(byte)])
                    index += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length where index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                if let scalar = Unicode.Scalar(value) { body(kind(scalar)) }
                index += length
            }
        }
    }

    private static let asciiKinds: [Kind] = (0..<128).map { kind(Unicode.Scalar(UInt8($0))) }

    /// What a character counts as. ASCII, Latin letters, kana, CJK ideographs and Hangul are
    /// decided by range (this runs for every default prompt rendered with an extension, so it
    /// avoids the Unicode property tables when it can); anything else asks them.
    private static func kind(_ scalar: Unicode.Scalar) -> Kind {
        switch scalar.value {
        case 0x09...0x0D, 0x20:
            return .space
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
            return .wordCharacter
        case 0x00...0x7F:
            return .punctuation
        case 0xC0...0x24F where scalar.value != 0xD7 && scalar.value != 0xF7:
            return .wordCharacter
        case 0x3000:
            return .space
        case 0x3001...0x303F, 0x30FB, 0xFF01...0xFF0F, 0xFF1A...0xFF20:
            return .punctuation
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF:
            return .wordCharacter
        default:
            let properties = scalar.properties
            if properties.isWhitespace { return .space }
            if properties.isAlphabetic || properties.numericType != nil { return .wordCharacter }
            return .punctuation
        }
    }
}
