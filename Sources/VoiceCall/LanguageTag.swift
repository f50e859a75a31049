/// A well-formed BCP 47 language tag (RFC 5646), kept in its canonical casing.
///
/// Any tag that follows the RFC 5646 syntax is accepted, registered or not (SPEC §3): the engine
/// only needs to compare tags, not to know every language. The tag is stored in the RFC's
/// recommended casing (`de-at` → `de-AT`, `zh-hant-tw` → `zh-Hant-TW`, `SGN-be-fr` → `sgn-BE-FR`),
/// so two tags that differ only in case are equal and hash alike: matching is case-insensitive by
/// construction.
///
/// ```swift
/// let tag = try LanguageTag("de-at")
/// tag.description  // "de-AT"
/// tag.primary      // "de"
/// ```
public struct LanguageTag: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The tag in canonical casing (`zh-Hant-TW`).
    public let description: String
    /// The primary language subtag, lowercased (`zh`); for a private-use tag `x`, for `i-klingon` `i`.
    public let primary: String

    /// Parses `text` as an RFC 5646 language tag.
    ///
    /// - Throws: `LanguageError` naming the value and the first thing wrong with it (an empty
    ///   subtag, a character other than letters and digits, a subtag longer than 8 characters, a
    ///   subtag out of place).
    public init(_ text: String) throws(LanguageError) {
        let subtags = try Self.validatedSubtags(text)
        try Self.checkGrammar(subtags, value: text)
        self.init(canonicalSubtags: subtags)
    }

    /// A tag from subtags already known to be well-formed (lowercased ASCII).
    private init(canonicalSubtags subtags: [String]) {
        var result = ""
        var afterSingleton = false
        for (index, subtag) in subtags.enumerated() {
            if index > 0 { result += "-" }
            if index > 0 && !afterSingleton && subtag.utf8.count == 2 {
                result += subtag.uppercased()
            } else if index > 0 && !afterSingleton && subtag.utf8.count == 4 {
                result += subtag.prefix(1).uppercased() + subtag.dropFirst()
            } else {
                result += subtag
            }
            if subtag.utf8.count == 1 { afterSingleton = true }
        }
        self.description = result
        self.primary = subtags[0]
    }

    /// `en-US`, the language every prompt falls back to (SPEC §3).
    public static let englishUS = LanguageTag(canonicalSubtags: ["en", "us"])

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool {
        lhs.description < rhs.description
    }

    // MARK: - Syntax (RFC 5646 section 2.1)

    /// Splits at `-`, checks every subtag is 1–8 ASCII letters or digits, and lowercases them.
    private static func validatedSubtags(_ text: String) throws(LanguageError) -> [String] {
        if text.isEmpty { throw LanguageError(value: text, reason: "it is empty") }
        var subtags: [String] = []
        for piece in text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false) {
            if piece.isEmpty {
                throw LanguageError(value: text, reason: "it has an empty subtag (a \"-\" at an end or two in a row)")
            }
            var lowered: [UInt8] = []
            lowered.reserveCapacity(piece.count)
            for byte in piece {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    lowered.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    lowered.append(byte + 32)
                default:
                    let shown = String(decoding: piece, as: UTF8.self)
                    throw LanguageError(
                        value: text,
                        reason: "subtag \(shown.debugDescription) has a character other than the letters A-Z and the digits 0-9")
                }
            }
            if lowered.count > 8 {
                let shown = String(decoding: lowered, as: UTF8.self)
                throw LanguageError(value: text, reason: "subtag \(shown.debugDescription) is longer than 8 characters")
            }
            subtags.append(String(decoding: lowered, as: UTF8.self))
        }
        return subtags
    }

    /// The grandfathered tags of RFC 5646 (irregular and regular), which the `langtag` rule does
    /// not cover, lowercased.
    private static let grandfathered: Set<String> = [
        "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux",
        "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de",
        "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan",
        "zh-xiang",
    ]

    /// Checks lowercased subtags against `Language-Tag = langtag / privateuse / grandfathered`:
    ///
    ///     langtag  = language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse]
    ///     language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA ; extlang = 3ALPHA *2("-" 3ALPHA)
    ///     script = 4ALPHA ; region = 2ALPHA / 3DIGIT ; variant = 5*8alphanum / (DIGIT 3alphanum)
    ///     extension = singleton 1*("-" (2*8alphanum)) ; privateuse = "x" 1*("-" (1*8alphanum))
    private static func checkGrammar(_ subtags: [String], value: String) throws(LanguageError) {
        if subtags.count > 1 && grandfathered.contains(subtags.joined(separator: "-")) { return }
        if subtags.count == 1 && grandfathered.contains(subtags[0]) { return }
        var index = 0
        func current() -> Substring.UTF8View? { index < subtags.count ? subtags[index][...].utf8 : nil }

        // Private use alone: "x-whatever".
        if subtags[0] == "x" {
            if subtags.count < 2 {
                throw LanguageError(value: value, reason: "private use \"x\" must be followed by at least one subtag")
            }
            return
        }

        // language
        let language = subtags[0].utf8
        guard language.allSatisfy(isAlpha), language.count >= 2 else {
            throw LanguageError(
                value: value,
                reason: "primary language \(subtags[0].debugDescription) must be 2 to 8 letters")
        }
        index = 1
        if language.count <= 3 {
            var extlangs = 0
            while let s = current(), s.count == 3, s.allSatisfy(isAlpha) {
                extlangs += 1
                if extlangs > 3 {
                    throw LanguageError(value: value, reason: "more than three extended language subtags")
                }
                index += 1
            }
        }
        // script
        if let s = current(), s.count == 4, s.allSatisfy(isAlpha) { index += 1 }
        // region
        if let s = current(), (s.count == 2 && s.allSatisfy(isAlpha)) || (s.count == 3 && s.allSatisfy(isDigit)) {
            index += 1
        }
        // variants
        while let s = current(), s.count >= 5 || (s.count == 4 && isDigit(s.first!)) { index += 1 }
        // extensions
        while let s = current(), s.count == 1, s.first! != UInt8(ascii: "x") {
            index += 1
            var extensionSubtags = 0
            while let t = current(), t.count >= 2 {
                extensionSubtags += 1
                index += 1
            }
            if extensionSubtags == 0 {
                throw LanguageError(
                    value: value,
                    reason: "extension \(String(decoding: s, as: UTF8.self).debugDescription) must be followed by subtags of 2 to 8 characters")
            }
        }
        // private use
        if let s = current(), s.count == 1, s.first! == UInt8(ascii: "x") {
            if index + 1 >= subtags.count {
                throw LanguageError(value: value, reason: "private use \"x\" must be followed by at least one subtag")
            }
            return
        }
        if index < subtags.count {
            throw LanguageError(value: value, reason: "subtag \(subtags[index].debugDescription) is out of place")
        }
    }

    private static func isAlpha(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
