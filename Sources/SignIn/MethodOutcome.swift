/// How the verification method ended, as the engine reports it to the pipeline: the pipeline does
/// not run calls or check codes, it only decides around them.
public struct MethodOutcome: Sendable, Hashable {
    public var verified: Bool
    /// The sign-in log detail (`MFA successfully completed`, `MFA denied; invalid code`).
    public var detail: String

    public init(verified: Bool, detail: String) {
        self.verified = verified
        self.detail = detail
    }

    public static let completed = MethodOutcome(verified: true, detail: "MFA successfully completed")

    /// The app-notification answers (SPEC §8.3 step 4).
    public enum NotificationAnswer: String, Sendable, CaseIterable {
        case approve, deny, ignore
    }

    /// How long an ignored notification waits before it times out.
    public static let notificationTimeoutSeconds = 60

    public static func notification(_ answer: NotificationAnswer) -> MethodOutcome {
        switch answer {
        case .approve: .completed
        case .deny: MethodOutcome(verified: false, detail: "MFA denied; user declined the authentication")
        case .ignore:
            MethodOutcome(
                verified: false,
                detail: "MFA denied; no response to the app notification within \(notificationTimeoutSeconds) seconds (timed out)")
        }
    }

    /// The verdict on a typed one-time code (text) or TOTP code (app-code).
    public enum CodeVerdict: Sendable, Hashable {
        case accepted
        case wrong
        case expired
        case noTriesLeft
        case noCodeSent
        /// The method cannot be used for this user or this build; the reason says why.
        case unavailable(String)
    }

    public static func code(_ verdict: CodeVerdict) -> MethodOutcome {
        switch verdict {
        case .accepted: .completed
        case .wrong: MethodOutcome(verified: false, detail: "MFA denied; invalid verification code")
        case .expired: MethodOutcome(verified: false, detail: "MFA denied; the verification code has expired")
        case .noTriesLeft: MethodOutcome(verified: false, detail: "MFA denied; too many wrong codes")
        case .noCodeSent: MethodOutcome(verified: false, detail: "MFA denied; no verification code was sent")
        case .unavailable(let reason): MethodOutcome(verified: false, detail: "MFA denied; \(reason)")
        }
    }
}
