/// One line of a call's timeline as its channel saw it: when (seconds from the request), who, what.
///
/// Every channel writes the same vocabulary, so one JSON renderer and one human renderer serve
/// simulated and live calls alike.
public struct TranscriptEntry: Sendable, Equatable {
    public enum Actor: String, Sendable, Codable { case engine, caller }

    public enum Event: Sendable, Equatable {
        /// The engine started ringing the callee.
        case dial
        case answered
        /// A prompt started playing.
        case play(MessageType)
        /// A prompt was cut short (barge-in or hang-up).
        case interrupted(MessageType)
        /// The engine sent these keys to reach an extension.
        case sentDigits(KeySequence)
        case timerStarted(CallTimer.Purpose, seconds: Double)
        case timerExpired(CallTimer.Purpose)
        /// A key, as it may be shown (masked on a PIN call), and what became of it.
        case key(ShownKey, KeyHandling)
        case entry(EntryVerdict)
        /// A wrong PIN counted toward lockout.
        case denial
        case fraudReported
        case hangUp
        case result(CallResult, ResultDetail)
        /// A script action on this line came after the call had ended.
        case ignoredAction(line: Int, ScriptStep)
    }

    public let time: Double
    public let actor: Actor
    public let event: Event

    public init(time: Double, actor: Actor, event: Event) {
        self.time = time
        self.actor = actor
        self.event = event
    }
}
