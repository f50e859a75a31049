/// What the machine asks its driver to do, or reports for the transcript, in the order given.
public enum CallAction: Sendable, Equatable {
    /// Start ringing the callee's phone.
    case dial
    /// Play a prompt of this type; report `.promptFinished(id)` when it has played to its end.
    case play(MessageType, PromptID)
    /// Cut the playing prompt short (the callee barged in, or hung up).
    case stopPrompt(PromptID)
    /// Send these keys as DTMF tones to reach an extension; report `.digitsSent` when done.
    case sendDigits(KeySequence)
    /// Arm a timer; report `.timerFired(timer)` after `seconds` unless cancelled.
    case startTimer(CallTimer, seconds: Double)
    case cancelTimer(CallTimer)
    /// A key the callee pressed, as it may be shown: masked on a PIN call.
    case key(ShownKey, KeyHandling)
    /// An entry was judged (for the transcript and the sign-in log).
    case entry(EntryVerdict)
    /// A wrong PIN: counts toward the account's lockout, at the event's time.
    case denial
    /// A fraud report stands: the service blocks (if configured) and notifies.
    case reportFraud
    /// End the call from the engine's side.
    case hangUp
    /// The call's one and only result; nothing follows it.
    case finish(CallResult, ResultDetail)
}

/// What became of a key press.
public enum KeyHandling: String, Sendable, Equatable {
    /// Taken as input (and, during a prompt, it cut the prompt short).
    case accepted
    /// Pressed while nothing was collecting (a non-collecting prompt, digits being sent): dropped,
    /// so type-ahead never leaks into the next entry.
    case discarded
    /// Pressed where only `#` means anything (the extension step): no effect.
    case ignored
}

/// How an entry was judged. Says nothing of the digits themselves.
public enum EntryVerdict: String, Sendable, Equatable {
    /// `#` alone on a standard call.
    case confirmed
    case correctPIN = "correct-pin"
    case fraudCode = "fraud-code"
    /// A PIN call's entry that was neither the PIN nor the fraud code: a denial.
    case wrongPIN = "wrong-pin"
    /// Anything else complete with `#` that is not accepted (`#` alone on a PIN call, other keys
    /// on a standard call).
    case invalid
    /// Keys with no `#` before the inter-digit timeout.
    case incomplete
    /// More keys than the maximum entry length.
    case tooLong = "too-long"
    /// No key before the response timeout.
    case silent
}

/// A key as it may be shown outside the machine: on a PIN call every key but `#` is masked, so no
/// PIN digit can leave through a transcript.
public enum ShownKey: Sendable, Equatable, CustomStringConvertible {
    case masked
    case key(DTMFKey)

    /// `•` for a masked key, else the key (`#`).
    public var description: String {
        switch self {
        case .masked: "•"
        case .key(let key): key.description
        }
    }
}
