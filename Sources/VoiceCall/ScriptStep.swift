/// What a line of a callee's script asked for, without the keys it pressed: how a transcript names
/// an action that came after the call had ended.
///
/// A plain value rather than the line's text, so that transcript entries hold no heap storage
/// (the call's hot path, SPEC §12). Key strings are never kept: on a PIN call they could hold the PIN.
public enum ScriptStep: Sendable, Equatable, CustomStringConvertible {
    case answer(after: Double)
    case noAnswer
    case listen
    case wait(Double)
    case press
    case hangup

    /// The step as a script spells it: `answer after 2`, `wait 3`, `press`.
    public var description: String {
        switch self {
        case .answer(let after): after == 0 ? "answer" : "answer after \(after)"
        case .noAnswer: "no-answer"
        case .listen: "listen"
        case .wait(let seconds): "wait \(seconds)"
        case .press: "press"
        case .hangup: "hangup"
        }
    }
}
