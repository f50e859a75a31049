import VoiceCall

/// How one live call went: the same result and transcript a simulated call has, plus what SIP said.
public struct LiveCallOutcome: Sendable {
    public var result: CallResult
    public var detail: ResultDetail
    /// The facts as the machine decided them (prompts, denials, fraud, digits sent).
    public var recording: CallRecording
    public var transcript: [TranscriptEntry]
    /// Seconds from the request to the result, on the monotonic clock.
    public var duration: Double
    /// The SIP Call-ID of the INVITE; `nil` when no INVITE was sent.
    public var sipCallId: String?
    /// The final SIP status of a call that was not answered (486, 603, 408, …).
    public var sipStatus: Int?
    /// Why the call could not be placed or went dead (an unreachable trunk, a socket error).
    public var failure: String?
    /// The codec the callee chose.
    public var codec: G711?

    /// The prompts in the order they started playing.
    public var prompts: [MessageType] { recording.prompts }
    /// The instants (seconds from the start) of each wrong PIN.
    public var denialTimes: [Double] { recording.denialTimes }
    public var fraudReported: Bool { recording.fraudReportedAt != nil }
    /// The keys the engine sent to reach an extension (`""` when none).
    public var digitsSent: String { recording.digitsSent }
}
