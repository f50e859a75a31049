/// How one language says telephone keys, so default prompts can speak a configured fraud code or
/// an extension instead of a fixed recording (SPEC §3, "Spoken keys").
///
/// Each default script file defines the words (`key.0 = zero` … `key.* = star`, `key.# = pound`) and
/// two joiners: `keys.separator` goes between keys, `keys.before-last` goes before the last key of a
/// sequence the caller must press. With English words, `19#` is spoken as a sequence to press
/// ("one, nine, then pound") and the extension `1234` as a plain list ("one, two, three, four").
public struct SpokenKeys: Sendable, Equatable {
    /// How the words of a key string are joined.
    public enum Joining: Sendable, Equatable {
        /// Every key separated by `separator`: an extension ("one, two, three, four").
        case list
        /// Keys to press in order: `beforeLast` before the final key ("one, nine, then pound").
        case sequence
    }

    /// The keys every script must name: the digits, `*` and `#`.
    public static let keys: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#"]

    /// The word for each key in `keys`.
    public let words: [Character: String]
    /// Put between two spoken keys (English `", "`).
    public let separator: String
    /// Put before the last key of a sequence to press (English `", then "`).
    public let beforeLast: String

    public init(words: [Character: String], separator: String, beforeLast: String) {
        self.words = words
        self.separator = separator
        self.beforeLast = beforeLast
    }

    /// The word for one key; a key without a word (say `A`) is spoken as itself.
    public func word(for key: Character) -> String {
        self.words[key] ?? String(key)
    }

    /// The words for `keys`, joined as `joining` says; empty for no keys.
    public func speak(_ keys: some StringProtocol, joining: Joining) -> String {
        var result = ""
        var remaining = keys.count
        for key in keys {
            remaining -= 1
            result += self.word(for: key)
            if remaining == 0 { break }
            switch joining {
            case .list: result += self.separator
            case .sequence: result += remaining == 1 ? self.beforeLast : self.separator
            }
        }
        return result
    }
}
