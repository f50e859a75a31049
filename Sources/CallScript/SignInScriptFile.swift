import Foundation
import SignIn

/// A parsed `.signin` script (SPEC §8.2): one sign-in and what the person does in it.
///
/// Values are checked for shape; the sign-in itself is the engine's business.
public struct SignInScriptFile: Sendable {
    /// What the script says the person does for the verification method.
    public enum Evidence: Sendable {
        /// Nothing: the person does not respond (a call is not answered, no code is typed, the
        /// notification is ignored).
        case none
        /// Method `call`: the embedded call, parsed by the `.call` parser.
        case call(CallScriptFile)
        /// Method `text` or `app-code`: the codes typed, in order, one try each, until one is
        /// accepted. Never print them.
        case codes([TypedCode], line: Int)
        /// Method `app-notification`.
        case notification(MethodOutcome.NotificationAnswer, line: Int)
    }

    /// One try at a code.
    public enum TypedCode: Sendable, Equatable {
        /// Types back the code that was sent (text only): the simulated handset reads the SMS.
        case sent
        /// These digits.
        case digits(String)
    }

    public var file: String
    /// The sign-in, with `time` set to the script's `at` or to `startTime` when it has none.
    public var attempt: SignInAttempt
    public var userLine: Int
    /// `at`, or `nil` for "now" (then `attempt.time` is a placeholder the engine replaces).
    public var startTime: Date?
    public var methodLine: Int?
    public var evidence: Evidence
}
