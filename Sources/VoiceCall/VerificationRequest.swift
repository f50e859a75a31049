import Foundation

/// One request to verify a user by phone: what a `.call` script's header, an HTTP body or
/// `ivr dial` all turn into before the engine prepares a call from it (ARCHITECTURE.md).
///
/// The values are already checked: a user name that is not `user@domain` or a language header that
/// does not parse is the front door's error. An unparsable *number* is not: it is kept as `nil` and
/// the call ends `invalid_request`, logged, as SPEC §2 wants.
public struct VerificationRequest: Sendable, Equatable {
    public var user: UserName
    /// The number to call; `nil` when the given text is not a phone number.
    public var number: PhoneNumber?
    public var method: VerificationMethod
    public var languages: LanguagePreference
    public var kind: CallKind
    /// When the call starts; `nil` for "now" (the engine's clock).
    public var startTime: Date?

    public init(
        user: UserName, number: PhoneNumber?, method: VerificationMethod = .standard,
        languages: LanguagePreference, kind: CallKind = .signIn, startTime: Date? = nil
    ) {
        self.user = user
        self.number = number
        self.method = method
        self.languages = languages
        self.kind = kind
        self.startTime = startTime
    }

    /// The number as logs and reports show it: masked but for its last two digits, or `invalid`.
    public var maskedNumber: String { number?.masked ?? "invalid" }
}
