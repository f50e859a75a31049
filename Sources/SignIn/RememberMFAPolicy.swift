import Foundation

/// Remember multi-factor authentication (SPEC §8.3 steps 2 and 5, seed 004): after a successful
/// MFA in a browser, the user may tick "Don't ask again for N days"; that browser then skips MFA
/// for this user until N days have passed since the cookie was issued.
///
/// N is the *current* setting at check time, as the seed says ("Azure AD checks that the last
/// multi-factor authentication occurred within the specified number of days"): shortening it
/// shortens every remembered browser at once.
public struct RememberMFAPolicy: Sendable, Hashable {
    public static let defaultDays = 90
    public static let allowedDays = 1...365

    public var enabled: Bool
    public var days: Int

    public init(enabled: Bool = false, days: Int = defaultDays) {
        self.enabled = enabled
        self.days = days
    }

    /// Checks a `remember-mfa.days` value.
    ///
    /// - Returns: the days and a warning when under 90 (accepted, but the seed advises 90 or more).
    /// - Throws: ``RememberMFAError`` when not a whole number in 1–365.
    public static func parseDays(_ text: String) throws(RememberMFAError) -> (days: Int, warning: String?) {
        guard text.count <= 3, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let days = Int(text),
              allowedDays.contains(days)
        else {
            throw RememberMFAError("remember-mfa.days must be a whole number of days from 1 to 365")
        }
        let warning =
            days < defaultDays
            ? "remember-mfa.days \(days) is accepted, but 90 days or more is advised: a shorter time makes users verify more often on the same browser"
            : nil
        return (days, warning)
    }

    /// How long a cookie issued now lasts.
    public func expiry(issuedAt: Date) -> Date {
        issuedAt.addingTimeInterval(TimeInterval(days) * 86_400)
    }

    /// Whether a cookie issued at `issuedAt` still skips MFA at `time`: issued less than `days`
    /// days before (and not in the future).
    public func honours(issuedAt: Date, at time: Date) -> Bool {
        enabled && issuedAt <= time && time < expiry(issuedAt: issuedAt)
    }
}

public struct RememberMFAError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
