/// The verification methods of a sign-in (SPEC §8.3 step 4, seed 004's "verification options").
public enum SignInMethod: String, Sendable, CaseIterable, Codable {
    /// The phone call of SPEC §2.
    case call
    /// A one-time 6-digit code by SMS (one-way SMS).
    case text
    /// Approve or deny in the authenticator app.
    case appNotification = "app-notification"
    /// A TOTP code from an OATH token or authenticator app (SPEC §9).
    case appCode = "app-code"

    /// The id used in scripts, JSON and settings keys (`methods.app-code`).
    public var id: String { rawValue }
}

/// Which methods the administrator allows (`methods.call|text|app-notification|app-code`):
/// all on by default, and at least one must stay on.
public struct MethodSwitches: Sendable, Hashable, Codable {
    public private(set) var enabled: Set<SignInMethod>

    public static let all = MethodSwitches(uncheckedEnabled: Set(SignInMethod.allCases))

    private init(uncheckedEnabled: Set<SignInMethod>) {
        self.enabled = uncheckedEnabled
    }

    /// The switches with `method` turned on or off.
    ///
    /// - Throws: ``MethodSwitchError`` when that would leave no method on.
    public func setting(_ method: SignInMethod, on: Bool) throws(MethodSwitchError) -> MethodSwitches {
        var copy = self
        if on {
            copy.enabled.insert(method)
        } else {
            copy.enabled.remove(method)
        }
        guard !copy.enabled.isEmpty else {
            throw MethodSwitchError(
                "methods.\(method.id) cannot be turned off: it is the last verification method on, and at least one must stay on")
        }
        return copy
    }

    public func isEnabled(_ method: SignInMethod) -> Bool { enabled.contains(method) }

    /// The refusal for `methods.two-way-text`, in the seed's words.
    public static let twoWayTextRefusal =
        "two-way SMS (texting a code back) is deprecated and not supported after 2018-11-14; use methods.text (one-way SMS)"
}

public struct MethodSwitchError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
