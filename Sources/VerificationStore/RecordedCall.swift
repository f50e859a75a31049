import VoiceCall

/// What ``VerificationStore/recordCall(_:)`` wrote.
public struct RecordedCall: Sendable, Equatable {
    /// The sign-in log row id.
    public var signInID: Int64
    /// The user's lockout state after the call (`.clear` when there is no user).
    public var lockout: LockoutState
    /// The outbox ids of the queued e-mails, in the order given.
    public var outboxIDs: [Int64]
}
