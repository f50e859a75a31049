/// Why a text could not be read as a phone number. The message is a sentence a user can act on;
/// the code is stable, for tests and for callers that react to one kind of mistake.
public struct PhoneNumberError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of mistake.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// No number: nothing but white space, or an extension alone.
        case empty
        /// A character that has no place in a phone number (`#`, `*`, `,`, `@`, ...).
        case invalidCharacter = "invalid-character"
        /// Letters outside an extension marker, such as vanity numbers (`1-800-FLOWERS`).
        case letters
        /// A `+` that is not the first character.
        case misplacedPlus = "misplaced-plus"
        /// Parentheses that do not pair up.
        case unbalancedParentheses = "unbalanced-parentheses"
        /// No `+` and not a ten-digit (or `1` + ten-digit) North American number.
        case missingCountryCode = "missing-country-code"
        /// The digits after `+` start with no assigned country calling code.
        case unknownCountryCode = "unknown-country-code"
        /// Too few digits for the country.
        case tooShort = "too-short"
        /// More than 15 digits (the E.164 maximum), or not 10 digits after `+1`.
        case tooLong = "too-long"
        /// A `+1` number whose area code cannot exist (starts with 0 or 1, or is an N11 code).
        case invalidAreaCode = "invalid-area-code"
        /// A `+1` number whose exchange (digits 4-6) starts with 0 or 1.
        case invalidExchange = "invalid-exchange"
        /// An extension marker without 1 to 10 digits after it.
        case invalidExtension = "invalid-extension"
    }

    /// The kind of mistake.
    public let code: Code
    /// A sentence that names the mistake (the text of `description`).
    public let message: String

    /// Creates an error with its code and message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message, as a sentence a user can read.
    public var description: String { self.message }
}
