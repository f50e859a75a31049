/// A phone number in E.164 form (country code and national number, at most 15 digits) with an
/// optional extension: the number the service calls (SPEC §2, §6).
///
/// `init(parsing:)` accepts what people write and refuses what is ambiguous:
///
/// - International form: `+` then an assigned country calling code (see `CountryCallingCodes`):
///   `+44 20 7946 0958`, `+1 (425) 555-0100`, `+14255550100`. A trunk `(0)` written after the
///   country code is dropped (`+44 (0)20 7946 0958`), as people copy it from letterheads.
/// - Without `+`, only North American forms: ten digits (`(425) 555-0100`, `425.555.0100`) or
///   eleven starting with the country code `1` (`1-425-555-0100`). Any other number must carry its
///   `+`: a national number of another country cannot be told from a mistyped one, and the
///   international prefixes `00` and `011` differ by country, so they are refused with a hint.
/// - Separators: spaces, `-`, `.`, `/`, paired `(` `)`; a leading `tel:` is ignored.
/// - Extension, after the number: `x1234`, `ext 1234`, `ext. 1234`, `extension 1234`,
///   `;ext=1234` (RFC 3966), 1 to 10 digits. `#` and `,` are refused: on a phone they are keys and
///   pauses, and a `#` would end the caller's entry.
/// - `+1` numbers must look like NANP numbers: ten digits, area code and exchange starting 2-9,
///   area code not an N11 service code. Whether the area code is assigned is not checked here (that
///   is `CallerID`'s stricter rule); a number being called is the user's own and must stay callable
///   even when our table lags behind a new area code.
///
/// `description` is the masked form, so interpolating a number into a log cannot leak it.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// The country calling code, digits only ("1", "44").
    public let countryCode: String
    /// The national (significant) number, digits only ("4255550100").
    public let nationalNumber: String
    /// The extension, digits only ("1234"), or nil.
    public let `extension`: String?

    /// The longest extension accepted. PBX extensions are rarely longer than 6 digits; 10 leaves
    /// room for direct-inward-dial codes while still catching a pasted second number.
    public static let maximumExtensionLength = 10

    /// Reads a phone number as people write it; see the type's documentation for the accepted forms.
    ///
    /// - Throws: `PhoneNumberError` naming the first mistake found.
    public init(parsing text: String) throws(PhoneNumberError) {
        var rest = Substring(text).trimmingWhitespace()
        if rest.lowercased().hasPrefix("tel:") {
            rest = rest.dropFirst(4).trimmingWhitespace()
        }
        guard !rest.isEmpty else {
            throw PhoneNumberError(.empty, "the phone number is empty")
        }
        let (main, ext) = try Self.splitExtension(rest)
        let (hasPlus, digits) = try Self.digits(of: main)
        let (countryCode, nationalNumber) = try Self.split(digits, hasPlus: hasPlus)
        if countryCode == "1" {
            try Self.checkNANP(nationalNumber)
        } else {
            try Self.checkLength(countryCode: countryCode, nationalNumber: nationalNumber)
        }
        self.countryCode = countryCode
        self.nationalNumber = nationalNumber
        self.extension = ext
    }

    /// The number in E.164 form, without the extension: "+14255550100".
    public var e164: String { "+" + self.countryCode + self.nationalNumber }

    /// The number for logs and output: every digit hidden except the last two ("+*********00").
    ///
    /// The extension is left out: the last two digits are enough for a person to recognise their
    /// number, and the extension adds nothing to that (SPEC §7 logs a masked number).
    public var masked: String {
        let digits = self.countryCode + self.nationalNumber
        return "+" + String(repeating: "*", count: digits.count - 2) + String(digits.suffix(2))
    }

    /// The masked form, so that `"\(number)"` in a log never shows the whole number.
    public var description: String { self.masked }
}

// MARK: - Parsing steps

extension PhoneNumber {
    /// Splits "number x123" into the number part and the extension digits, refusing letters that
    /// are not an extension marker (vanity numbers) and keys such as `#`.
    private static func splitExtension(
        _ text: Substring
    ) throws(PhoneNumberError) -> (main: Substring, extension: String?) {
        guard let start = text.firstIndex(where: { $0.isLetter || $0 == ";" }) else {
            return (text, nil)
        }
        let main = text[..<start]
        let tail = text[start...]
        let lowered = tail.lowercased()
        // Longest marker first, so "extension" is not read as "ext" + "ension".
        let markers = [";ext=", "extension", "ext.", "ext", "x"]
        guard let marker = markers.first(where: { lowered.hasPrefix($0) }) else {
            let word = tail.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if tail.first == ";" {
                throw PhoneNumberError(
                    .invalidCharacter, "\";\" can only start an extension written \";ext=1234\"")
            }
            throw PhoneNumberError(
                .letters,
                "letters are not allowed in a phone number (\"\(word)\"); write vanity numbers such as"
                    + " 1-800-FLOWERS as digits")
        }
        var digits = tail.dropFirst(marker.count).trimmingWhitespace()
        if digits.first == ":" {
            digits = digits.dropFirst().trimmingWhitespace()
        }
        guard !digits.isEmpty, digits.count <= Self.maximumExtensionLength, digits.allSatisfy(\.isASCIIDigit)
        else {
            throw PhoneNumberError(
                .invalidExtension,
                "the extension after \"\(tail.prefix(marker.count))\" must be 1 to \(Self.maximumExtensionLength)"
                    + " digits, found \"\(digits)\"")
        }
        guard !main.trimmingWhitespace().isEmpty else {
            throw PhoneNumberError(.empty, "the phone number is missing before the extension \"\(tail)\"")
        }
        return (main, String(digits))
    }

    /// The digits of the number part and whether it started with `+`, after checking every
    /// character is a digit or a separator.
    private static func digits(of main: Substring) throws(PhoneNumberError) -> (hasPlus: Bool, digits: String) {
        var text = main.trimmingWhitespace()
        let hasPlus = text.first == "+"
        if hasPlus {
            text = text.dropFirst()
        }
        var digits = ""
        var openParenthesis = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if hasPlus, !digits.isEmpty, text[index...].hasPrefix("(0)") {
                // The trunk prefix people add after the country code: +44 (0)20 ...
                index = text.index(index, offsetBy: 3)
                continue
            }
            if character.isASCIIDigit {
                digits.append(character)
                index = text.index(after: index)
                continue
            }
            switch character {
            case "(":
                guard !openParenthesis else {
                    throw PhoneNumberError(.unbalancedParentheses, "parentheses cannot be nested in a phone number")
                }
                openParenthesis = true
            case ")":
                guard openParenthesis else {
                    throw PhoneNumberError(.unbalancedParentheses, "a \")\" has no matching \"(\"")
                }
                openParenthesis = false
            case "+":
                throw PhoneNumberError(.misplacedPlus, "a \"+\" can only be the first character of a phone number")
            case "#", ",":
                throw PhoneNumberError(
                    .invalidCharacter,
                    "\"\(character)\" is not part of a phone number; write an extension as \"x1234\"")
            default:
                guard character.isSeparator else {
                    throw PhoneNumberError(
                        .invalidCharacter, "\"\(character)\" is not allowed in a phone number")
                }
            }
            index = text.index(after: index)
        }
        guard !openParenthesis else {
            throw PhoneNumberError(.unbalancedParentheses, "a \"(\" is never closed")
        }
        return (hasPlus, digits)
    }

    /// Splits the digits into country code and national number.
    private static func split(
        _ digits: String,
        hasPlus: Bool
    ) throws(PhoneNumberError) -> (countryCode: String, nationalNumber: String) {
        guard hasPlus else {
            if digits.count == 10 {
                return ("1", digits)
            }
            if digits.count == 11, digits.first == "1" {
                return ("1", String(digits.dropFirst()))
            }
            if digits.hasPrefix("00") || digits.hasPrefix("011") {
                throw PhoneNumberError(
                    .missingCountryCode,
                    "write the number with \"+\" and the country code instead of the international prefix"
                        + " \(digits.hasPrefix("00") ? "00" : "011")")
            }
            throw PhoneNumberError(
                .missingCountryCode,
                "a number without \"+\" must have 10 digits, or 11 starting with the country code 1; this one has"
                    + " \(digits.count) digit\(digits.count == 1 ? "" : "s") (write other countries' numbers"
                    + " with \"+\" and the country code)")
        }
        guard !digits.isEmpty else {
            throw PhoneNumberError(.tooShort, "there are no digits after \"+\"")
        }
        guard let countryCode = CountryCallingCodes.prefix(of: digits) else {
            throw PhoneNumberError(
                .unknownCountryCode,
                "+\(digits.prefix(3)) does not start with an assigned country calling code")
        }
        return (countryCode, String(digits.dropFirst(countryCode.count)))
    }

    /// The NANP shape of a `+1` national number: NXX-NXX-XXXX with an area code that is not N11.
    private static func checkNANP(_ national: String) throws(PhoneNumberError) {
        guard national.count == 10 else {
            throw PhoneNumberError(
                national.count < 10 ? .tooShort : .tooLong,
                "a +1 number has 10 digits after the country code; this one has \(national.count)")
        }
        let areaCode = national.prefix(3)
        let exchange = national.dropFirst(3).prefix(3)
        guard let first = areaCode.first, first >= "2" else {
            throw PhoneNumberError(
                .invalidAreaCode, "area code \(areaCode) is not valid: NANP area codes start with 2-9")
        }
        guard !areaCode.hasSuffix("11") else {
            throw PhoneNumberError(
                .invalidAreaCode,
                "\(areaCode) is not an area code: N11 codes such as 411 and 911 are service numbers")
        }
        guard let firstOfExchange = exchange.first, firstOfExchange >= "2" else {
            throw PhoneNumberError(
                .invalidExchange,
                "exchange \(exchange) is not valid: the three digits after the area code start with 2-9")
        }
    }

    /// The E.164 length limits for countries other than `+1`.
    private static func checkLength(countryCode: String, nationalNumber: String) throws(PhoneNumberError) {
        // The shortest national numbers in use have 4 digits (Niue, Tokelau, Saint Helena).
        guard nationalNumber.count >= 4 else {
            throw PhoneNumberError(
                .tooShort,
                "+\(countryCode) \(nationalNumber) is too short: a national number has at least 4 digits")
        }
        let total = countryCode.count + nationalNumber.count
        guard total <= 15 else {
            throw PhoneNumberError(
                .tooLong, "an E.164 number has at most 15 digits with its country code; this one has \(total)")
        }
    }
}

// MARK: - Character helpers

extension Substring {
    /// The text without leading and trailing white space (Foundation-free `trimmingCharacters`).
    fileprivate func trimmingWhitespace() -> Substring {
        let start = self.firstIndex { !$0.isWhitespace } ?? self.endIndex
        let end = self.lastIndex { !$0.isWhitespace }.map { self.index(after: $0) } ?? start
        return self[start..<end]
    }
}

extension Character {
    /// An ASCII digit 0-9 (not any Unicode number: "٣" or "³" is not a phone digit).
    /// `isASCII` also rules out a digit with a combining mark ("1\u{301}"), which sorts between
    /// "0" and "9" but is a different character.
    fileprivate var isASCIIDigit: Bool { self.isASCII && self.isWholeNumber }

    /// White space or a dash: what people put between digit groups (including the Unicode
    /// hyphens and dashes word processors substitute), plus `.` and `/`.
    fileprivate var isSeparator: Bool {
        if self.isWhitespace {
            return true
        }
        switch self {
        case "-", ".", "/", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": return true
        default: return false
        }
    }
}
