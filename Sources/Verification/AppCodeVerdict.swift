/// What `VerificationSession.verifyAppCode(user:code:at:)` decided for the *app-code* method of a
/// sign-in (SPEC §8.3 step 4, §9).
public enum AppCodeVerdict: Sendable, Equatable {
    /// The code is valid for one of the user's activated tokens, and its step was not used before.
    /// The token now remembers that step, and the user's denial counter is cleared.
    case accepted(serial: String)
    /// The code matches no activated token in the window (previous, current, next step).
    /// Counted as a denial for lockout (SPEC §5).
    case wrong
    /// The code is valid but its step is at or before the last one used: a replay. Counted as a denial.
    case replayed
    /// The user has no activated token or app, so no code can be checked. Not counted as a denial.
    case noActivatedToken

    /// Whether the verification counted a denial toward the user's lockout.
    public var countsAsDenial: Bool {
        switch self {
        case .wrong, .replayed: true
        case .accepted, .noActivatedToken: false
        }
    }
}
