/// A language tag or `Accept-Language` value that cannot be used, with the value and the reason.
///
/// Language values come from outsiders (call scripts, greeting uploads, the command line), so the
/// message names the offending value and says what is wrong with it, ready to show to a user.
public struct LanguageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The value as it was given (a tag, or a whole `Accept-Language` value).
    public let value: String
    /// What is wrong with it, as a sentence fragment ("subtag \"toolongsubtag\" is longer than 8 characters").
    public let reason: String

    public init(value: String, reason: String) {
        self.value = value
        self.reason = reason
    }

    /// `language "en_US" is malformed: "en_US" contains "_" (a tag has only letters, digits and "-")`.
    public var description: String {
        "language \(self.value.debugDescription) is malformed: \(self.reason)"
    }
}
