/// What a call did, as its machine decided it: the facts the engine records and reports.
///
/// Times are seconds from the request (the events' virtual or wall-clock offsets).
public struct CallRecording: Sendable, Equatable {
    /// The prompts in the order they started playing (one cut short still counts).
    public var prompts: [MessageType] = []
    /// The instant of each wrong PIN (each counts toward lockout).
    public var denialTimes: [Double] = []
    /// The instant the fraud report stood (the `#` that ended the fraud code), if it did.
    public var fraudReportedAt: Double?
    /// The keys sent to reach an extension (`""` when none).
    public var digitsSent = ""
    /// The call's result and its detail, once decided and finished.
    public var result: CallResult?
    public var detail: ResultDetail?
    /// The instant of the result.
    public var endedAt: Double?

    public init() {}
}

/// Collects a ``CallRecording`` from the machine's own actions, whatever drives it.
///
/// Pure and channel-independent: a simulated and a live channel that feed the machine the same
/// events get the same recording, because neither of them is asked what happened.
public struct CallRecorder: Sendable {
    public private(set) var recording = CallRecording()

    public init() {}

    /// Notes what `actions`, answered to an event at `time`, tell about the call.
    public mutating func record(_ actions: CallActions, at time: Double) {
        for index in 0..<actions.count { self.record(actions[index], at: time) }
    }

    public mutating func record(_ action: CallAction, at time: Double) {
        switch action {
        case .play(let type, _): recording.prompts.append(type)
        case .sendDigits(let digits): recording.digitsSent += digits.description
        case .denial: recording.denialTimes.append(time)
        case .reportFraud: recording.fraudReportedAt = time
        case .finish(let result, let detail):
            recording.result = result
            recording.detail = detail
            recording.endedAt = time
        case .dial, .stopPrompt, .startTimer, .cancelTimer, .key, .entry, .hangUp: break
        }
    }
}
