/// The name of one administrator setting, as the CLI spells it (`ivr settings set KEY VALUE`, SPEC §10).
///
/// The raw value is the stable CLI and JSON name; `allCases` is in the order `ivr settings show` prints.
public enum SettingKey: String, CaseIterable, Sendable, Hashable, Codable {
    /// Allow users to submit fraud alerts (`on`|`off`).
    case fraudAllow = "fraud.allow"
    /// Block a user automatically when they report fraud (`on`|`off`).
    case fraudAutoBlock = "fraud.auto-block"
    /// The code that reports fraud: 1–8 keys from `0-9` and `*`.
    case fraudCode = "fraud.code"
    /// Number of PIN denials that lock the account (1–100).
    case lockoutDenials = "lockout.denials"
    /// Minutes after the last denial until the denial counter returns to zero (1–43,200).
    case lockoutResetMinutes = "lockout.reset-minutes"
    /// Minutes, from the denial that locked it, until the account is unblocked (1–43,200).
    case lockoutUnblockMinutes = "lockout.unblock-minutes"
    /// The number calls come from: a US number, or `default` for the built-in numbers.
    case callerID = "caller-id"
    /// Where fraud notifications go: comma-separated e-mail addresses, or `none`.
    case notificationEmails = "notifications.emails"
    /// The `sendmail -t` style command that delivers queued mail, or `none`.
    case notificationCommand = "notifications.command"
    /// The product name spoken in the default prompts.
    case productName = "product-name"
    /// Seconds to wait for an answer (5–120).
    case ringTimeout = "call.ring-timeout"
    /// Seconds to wait for the first key after a prompt ends (1–60).
    case responseTimeout = "call.response-timeout"
    /// Seconds to wait for the next key once an entry has started (1–30).
    case interDigitTimeout = "call.inter-digit-timeout"
    /// Attempts per call (1–10).
    case attempts = "call.attempts"
    /// The longest entry, in keys (1–32).
    case maxDigits = "call.max-digits"

    /// The CLI name (`lockout.denials`).
    public var name: String { self.rawValue }

    /// What the setting accepts, in words, for help text and error messages.
    public var allowedValues: String {
        switch self {
        case .fraudAllow, .fraudAutoBlock: "on or off (also true/false, yes/no)"
        case .fraudCode: "1 to 8 keys from 0-9 and * (never #)"
        case .lockoutDenials: "a whole number from 1 to 100"
        case .lockoutResetMinutes, .lockoutUnblockMinutes: "a whole number of minutes from 1 to 43200"
        case .callerID: "a US phone number (fixed line, mobile or toll-free), or 'default'"
        case .notificationEmails: "comma-separated e-mail addresses (user@example.com), or 'none'"
        case .notificationCommand: "a command line such as '/usr/sbin/sendmail -t', or 'none'"
        case .productName: "1 to 100 characters, no control characters"
        case .ringTimeout: "a whole number of seconds from 5 to 120"
        case .responseTimeout: "a whole number of seconds from 1 to 60"
        case .interDigitTimeout: "a whole number of seconds from 1 to 30"
        case .attempts: "a whole number from 1 to 10"
        case .maxDigits: "a whole number from 1 to 32"
        }
    }

    /// The inclusive range of an integer setting, `nil` for the others.
    public var integerRange: ClosedRange<Int>? {
        switch self {
        case .lockoutDenials: 1...100
        case .lockoutResetMinutes, .lockoutUnblockMinutes: 1...43_200
        case .ringTimeout: 5...120
        case .responseTimeout: 1...60
        case .interDigitTimeout: 1...30
        case .attempts: 1...10
        case .maxDigits: 1...32
        case .fraudAllow, .fraudAutoBlock, .fraudCode, .callerID, .notificationEmails, .notificationCommand,
            .productName:
            nil
        }
    }
}
