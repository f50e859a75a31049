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
        // Work on lowercased ASCII bytes and subtag ranges: tags are parsed for every call's
        // Accept-Language value, so this avoids a String per subtag.
        var bytes = Array(text.utf8)
        let subtags = try Self.validatedSubtags(&bytes, value: text)
        try Self.checkGrammar(bytes, subtags, value: text)
        self.primary = String(decoding: bytes[subtags[0]], as: UTF8.self)
        // RFC 5646 §2.1.1: lowercase, except 2-letter subtags (uppercase) and 4-letter subtags
        // (titlecase) that are not first and do not follow a singleton.
        var afterSingleton = false
        for (index, range) in subtags.enumerated() {
            if index > 0 && !afterSingleton {
                if range.count == 2 {
                    for i in range { bytes[i] = Self.upper(bytes[i]) }
                } else if range.count == 4 {
                    bytes[range.lowerBound] = Self.upper(bytes[range.lowerBound])
                }
            }
            if range.count == 1 { afterSingleton = true }
        }
        self.description = String(decoding: bytes, as: UTF8.self)
    }

    /// A tag from lowercased subtags known to be well-formed, in canonical form already.
    private init(canonical: String, primary: String) {
        self.description = canonical
        self.primary = primary
    }

    /// `en-US`, the language every prompt falls back to (SPEC §3).
    public static let englishUS = LanguageTag(canonical: "en-US", primary: "en")

    // Equality and hashing use the canonical form only (`primary` follows from it).
    public static func == (lhs: LanguageTag, rhs: LanguageTag) -> Bool {
        lhs.description == rhs.description
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.description)
    }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool {
        lhs.description < rhs.description
    }

    // MARK: - Syntax (RFC 5646 section 2.1)

    /// Checks every `-`-separated subtag is 1–8 ASCII letters or digits, lowercases `bytes` in
    /// place, and returns the subtags' ranges.
    private static func validatedSubtags(_ bytes: inout [UInt8], value: String) throws(LanguageError) -> [Range<Int>] {
        if bytes.isEmpty { throw LanguageError(value: value, reason: "it is empty") }
        var subtags: [Range<Int>] = []
        subtags.reserveCapacity(4)
        var start = 0
        for index in 0...bytes.count {
            if index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    continue
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    bytes[index] += 32
                    continue
                case UInt8(ascii: "-"):
                    break
                default:
                    var end = index
                    while end < bytes.count && bytes[end] != UInt8(ascii: "-") { end += 1 }
                    let shown = String(decoding: Array(value.utf8)[start..<end], as: UTF8.self)
                    throw LanguageError(
                        value: value,
                        reason: "subtag \(shown.debugDescription) has a character other than the letters A-Z and the digits 0-9")
                }
            }
            if index == start {
                throw LanguageError(value: value, reason: "it has an empty subtag (a \"-\" at an end or two in a row)")
            }
            if index - start > 8 {
                let shown = String(decoding: bytes[start..<index], as: UTF8.self)
                throw LanguageError(value: value, reason: "subtag \(shown.debugDescription) is longer than 8 characters")
            }
            subtags.append(start..<index)
            start = index + 1
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
    /// The first subtags of the grandfathered tags, to look the set up only when it can match.
    private static let grandfatheredPrimaries: Set<String> = ["en", "i", "sgn", "art", "cel", "no", "zh"]

    /// Checks lowercased subtags against `Language-Tag = langtag / privateuse / grandfathered`:
    ///
    ///     langtag  = language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse]
    ///     language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA ; extlang = 3ALPHA *2("-" 3ALPHA)
    ///     script = 4ALPHA ; region = 2ALPHA / 3DIGIT ; variant = 5*8alphanum / (DIGIT 3alphanum)
    ///     extension = singleton 1*("-" (2*8alphanum)) ; privateuse = "x" 1*("-" (1*8alphanum))
    private static func checkGrammar(_ bytes: [UInt8], _ subtags: [Range<Int>], value: String) throws(LanguageError) {
        func all(_ range: Range<Int>, _ test: (UInt8) -> Bool) -> Bool {
            for i in range where !test(bytes[i]) { return false }
            return true
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let x = UInt8(ascii: "x")

        if subtags.count > 1 && subtags[0].count <= 3 && grandfatheredPrimaries.contains(text(subtags[0]))
            && grandfathered.contains(String(decoding: bytes, as: UTF8.self))
        {
            return
        }
        // Private use alone: "x-whatever".
        if subtags[0].count == 1 && bytes[subtags[0].lowerBound] == x {
            if subtags.count < 2 {
                throw LanguageError(value: value, reason: "private use \"x\" must be followed by at least one subtag")
            }
            return
        }
        // language
        let language = subtags[0]
        guard language.count >= 2, all(language, isAlpha) else {
            throw LanguageError(value: value, reason: "primary language \(text(language).debugDescription) must be 2 to 8 letters")
        }
        var index = 1
        if language.count <= 3 {
            var extlangs = 0
            while index < subtags.count, subtags[index].count == 3, all(subtags[index], isAlpha) {
                extlangs += 1
                if extlangs > 3 {
                    throw LanguageError(value: value, reason: "more than three extended language subtags")
                }
                index += 1
            }
        }
        // script
        if index < subtags.count, subtags[index].count == 4, all(subtags[index], isAlpha) { index += 1 }
        // region
        if index < subtags.count {
            let s = subtags[index]
            if (s.count == 2 && all(s, isAlpha)) || (s.count == 3 && all(s, isDigit)) { index += 1 }
        }
        // variants
        while index < subtags.count,
            subtags[index].count >= 5 || (subtags[index].count == 4 && isDigit(bytes[subtags[index].lowerBound]))
        {
            index += 1
        }
        // extensions
        while index < subtags.count, subtags[index].count == 1, bytes[subtags[index].lowerBound] != x {
            let singleton = subtags[index]
            index += 1
            let first = index
            while index < subtags.count, subtags[index].count >= 2 { index += 1 }
            if index == first {
                throw LanguageError(
                    value: value,
                    reason: "extension \(text(singleton).debugDescription) must be followed by subtags of 2 to 8 characters")
            }
        }
        // private use
        if index < subtags.count, subtags[index].count == 1, bytes[subtags[index].lowerBound] == x {
            if index + 1 >= subtags.count {
                throw LanguageError(value: value, reason: "private use \"x\" must be followed by at least one subtag")
            }
            return
        }
        if index < subtags.count {
            throw LanguageError(value: value, reason: "subtag \(text(subtags[index]).debugDescription) is out of place")
        }
    }

    private static func isAlpha(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func upper(_ byte: UInt8) -> UInt8 { isAlpha(byte) ? byte - 32 : byte }
}

extension LanguageTag: Codable {
    /// Decodes a tag from its text; a malformed one is a decoding error (corrupt stored data).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try LanguageTag(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a language tag: \(error)")
        }
    }

    /// Encodes the canonical text (`de-AT`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
