/// Where a call's events come from: the simulator (`SimulatedChannel`, virtual time from a
/// `.call` script) or a live line (SIP, real time and real audio).
///
/// A channel **decides nothing**. Given a ``PreparedCall`` it:
/// 1. makes a ``CallSession`` from `call.plan` and hands it `.start` at 0;
/// 2. carries out each ``CallAction``: dial, play `call.prompts[type]` (report `.promptFinished`
///    when the audio has played to its end — a live channel uses the audio's real length),
///    arm and cancel timers (`.timerFired` when one expires — on a real clock for a live channel),
///    send extension digits, hang up;
/// 3. feeds what happens on the line (`.answered`, `.key`, `.hungUp`) with its time in seconds
///    since the request, caller events before timers due at the same instant (SPEC §2);
/// 4. stops at `.finish` and returns the session's recording and its own transcript.
///
/// `run` blocks the calling thread until the call has ended; a live channel runs its event loop on
/// its own thread and waits for it. It throws only when the line itself failed (the engine then
/// records nothing); every call result, including a refusal before dialling, is a normal return.
public protocol CallChannel {
    func run(_ call: PreparedCall) throws -> ChannelOutcome
}

/// What a channel hands back when its call has ended.
public struct ChannelOutcome: Sendable, Equatable {
    /// The facts, from the machine's own actions (``CallSession/recording``).
    public var recording: CallRecording
    /// The timeline as the channel saw it, for reports.
    public var transcript: [TranscriptEntry]
    /// Seconds from the request to the end of the call.
    public var duration: Double
    /// Live channels: the final SIP status of a call that was not answered, and why a call could
    /// not be placed; both go to the sign-in log.
    public var sipStatus: Int? = nil
    public var failure: String? = nil

    public init(recording: CallRecording, transcript: [TranscriptEntry], duration: Double) {
        self.recording = recording
        self.transcript = transcript
        self.duration = duration
    }
}
