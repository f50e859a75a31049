/// Something that happened on the line. The machine has no clock and does not need the instant:
/// whoever drives it (a channel's `CallSession`) records times beside the events.
public enum CallEvent: Sendable, Equatable {
    /// The request is processed: dial, or refuse before dialling.
    case start
    /// The callee picked up.
    case answered
    /// The prompt with this id played to its end (a stale id is ignored).
    case promptFinished(PromptID)
    /// The extension digits were all sent.
    case digitsSent
    /// The callee pressed a key.
    case key(DTMFKey)
    /// A timer the machine started has expired (a cancelled or superseded one is ignored).
    case timerFired(CallTimer)
    /// The callee hung up.
    case hungUp
}

/// Identifies one playing of a prompt, so that a late "finished" for a prompt that was cut off
/// cannot be mistaken for the end of the prompt playing now.
public struct PromptID: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public var description: String { "p\(rawValue)" }
}

/// Identifies one arming of a timer; re-arming makes a new id, so a stale expiry is harmless.
public struct CallTimer: Sendable, Hashable, CustomStringConvertible {
    public enum Purpose: String, Sendable {
        /// Waiting for the callee to answer.
        case ring
        /// Waiting for a first key after a collecting prompt.
        case response
        /// Waiting for the next key of an entry.
        case interDigit = "inter-digit"
    }

    public let purpose: Purpose
    public let generation: Int

    public init(_ purpose: Purpose, generation: Int) {
        self.purpose = purpose
        self.generation = generation
    }

    public var description: String { "\(purpose.rawValue)#\(generation)" }
}
