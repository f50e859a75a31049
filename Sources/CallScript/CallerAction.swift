/// One thing the person on the phone does, in script order (SPEC §11).
///
/// The parser checks each action's syntax and values; it does not decide what an action means at a
/// given moment of the call. That is the simulator's job: an action after the call has ended is kept
/// here and shown as ignored in the transcript (SPEC §2, fine points).
public struct CallerAction: Sendable, Equatable {
    /// The 1-based line of the script the action came from, so a transcript can point back at it.
    public let line: Int
    /// What the caller does.
    public let kind: Kind

    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// The caller's possible actions.
    public enum Kind: Sendable, Equatable {
        /// Pick up the phone this many seconds after it starts ringing (`answer` alone is 0).
        case answer(after: Double)
        /// Never pick up: the ring timeout decides. Always the only action of its script.
        case noAnswer
        /// Wait until the engine next waits for the caller: the prompt now playing, and whatever the
        /// engine plays or sends right after it without waiting for a key, have finished.
        case listen
        /// Stay silent for this many seconds (more than 0, at most ``CallScriptParser/maximumSeconds``).
        case wait(Double)
        /// Press these keys one after another. Each character is a `DTMFKey` (`0-9 * # A-D`).
        /// In PIN mode the string may hold the PIN: never print it unmasked.
        case press(String)
        /// Hang up the phone.
        case hangup
    }

}
