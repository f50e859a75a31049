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
        /// Press these keys one after another. Only characters of ``CallerAction/keys`` occur.
        /// In PIN mode the string may hold the PIN: never print it unmasked.
        case press(String)
        /// Hang up the phone.
        case hangup
    }

    /// The keys a caller can press: digits, star, pound and the four DTMF letters.
    ///
    /// The letters are uppercase only (`A`–`D`), as DTMF tables and keypads print them; a lowercase
    /// letter in a script is refused rather than silently upper-cased, so the transcript shows what
    /// the file says.
    public static let keys: Set<Character> = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#", "A", "B", "C", "D",
    ]
}
