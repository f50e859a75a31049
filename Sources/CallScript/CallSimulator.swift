import VoiceCall

/// Runs one `CallStateMachine` against a callee's scripted actions in virtual time.
///
/// The simulator plays the part of the telephone network: it makes prompts take their duration,
/// sends extension digits at 200 ms a key, fires the timers the machine arms, and delivers the
/// callee's actions at their instants. A live channel would do the same job with real audio.
///
/// Timing rules (the README documents them):
/// - A key press takes `keyPressSeconds` (default 0.3 s); the key reaches the engine at the end of
///   that time, and the next key follows it.
/// - `wait N` is N seconds of silence; `listen` lasts until the engine next waits for the callee.
/// - A caller event at the same instant as a timer's expiry is handled first (SPEC §2): engine
///   events are run strictly before the instant of the caller's next event.
public struct CallSimulator: Sendable {
    public var plan: CallPlan
    /// How long each prompt plays, by type (a custom greeting's decoded duration, or the default
    /// text's estimated speaking time).
    public var promptSeconds: @Sendable (MessageType) -> Double
    public var keyPressSeconds: Double

    public init(plan: CallPlan, keyPressSeconds: Double = 0.3, promptSeconds: @escaping @Sendable (MessageType) -> Double) {
        self.plan = plan
        self.keyPressSeconds = keyPressSeconds
        self.promptSeconds = promptSeconds
    }

    /// The outcome of one simulated call.
    public struct Outcome: Sendable, Equatable {
        public var result: CallResult
        public var detail: ResultDetail
        /// What the machine did, collected by its `CallRecorder` (never read back from the transcript).
        public var recording: CallRecording
        public var transcript: [TranscriptEntry]
        /// Seconds from the request to the result.
        public var duration: Double
    }

    public func run(_ actions: [CallerAction]) -> Outcome {
        var run = Run(session: CallSession(plan: plan), promptSeconds: promptSeconds, expectedLines: Self.expectedLines(actions))
        run.deliver(.start)
        for action in actions {
            if run.finished != nil {
                run.log(.caller, .ignoredAction(line: action.line, action.kind.step))
                continue
            }
            switch action.kind {
            case .answer(let after):
                run.advance(to: run.now + after)
                guard run.finished == nil else {
                    run.log(.caller, .ignoredAction(line: action.line, action.kind.step))
                    continue
                }
                run.log(.caller, .answered)
                run.deliver(.answered)
            case .noAnswer:
                run.runToEnd()
            case .listen:
                run.listen()
            case .wait(let seconds):
                run.advance(to: run.now + seconds)
            case .press(let keys):
                for byte in keys.utf8 {
                    guard let key = DTMFKey(ascii: byte) else { continue }  // the parser let only keys through
                    run.advance(to: run.now + keyPressSeconds)
                    guard run.finished == nil else {
                        run.log(.caller, .ignoredAction(line: action.line, action.kind.step))
                        break
                    }
                    run.deliver(.key(key))
                }
            case .hangup:
                run.log(.caller, .hangUp)
                run.deliver(.hungUp)
            }
        }
        // The script is over: the callee stays silent and the engine's timers decide.
        run.runToEnd()
        let (result, detail) = run.finished ?? (.abandoned, .callerHungUp)
        return Outcome(
            result: result, detail: detail, recording: run.session.recording, transcript: run.transcript,
            duration: run.now)
    }
}

extension CallSimulator {
    /// About how many transcript lines a script makes (a few per action, two per key, the engine's
    /// own), so the transcript is allocated once instead of grown.
    static func expectedLines(_ actions: [CallerAction]) -> Int {
        var lines = 16
        for action in actions {
            if case .press(let keys) = action.kind { lines += 2 * keys.utf8.count } else { lines += 3 }
        }
        return lines
    }
}

extension CallSimulator.Outcome {
    /// The prompts in the order they started playing (one cut short still counts).
    public var prompts: [MessageType] { recording.prompts }

    /// The instants (seconds from the start) of each wrong PIN.
    public var denialTimes: [Double] { recording.denialTimes }

    public var fraudReported: Bool { recording.fraudReportedAt != nil }

    /// The keys the engine sent to reach an extension (`""` when none).
    public var digitsSent: String { recording.digitsSent }
}

/// The mutable bookkeeping of one simulated call.
private struct Run {
    var session: CallSession
    let promptSeconds: @Sendable (MessageType) -> Double
    var now = 0.0
    var transcript: [TranscriptEntry] = []
    var finished: (CallResult, ResultDetail)?
    /// Engine-side events due later.
    var pending = PendingEvents()
    /// The prompt playing now. A line carries one prompt at a time: the machine stops one before
    /// it plays the next, and a new one would replace it, as on a live channel.
    var playing: (id: PromptID, type: MessageType)?

    init(session: CallSession, promptSeconds: @escaping @Sendable (MessageType) -> Double, expectedLines: Int) {
        self.session = session
        self.promptSeconds = promptSeconds
        transcript.reserveCapacity(expectedLines)
    }

    private mutating func schedule(_ event: CallEvent, at time: Double) {
        pending.schedule(event, at: millis(time))
    }

    mutating func log(_ actor: TranscriptEntry.Actor, _ event: TranscriptEntry.Event) {
        transcript.append(TranscriptEntry(time: now, actor: actor, event: event))
    }

    /// Hands an event to the machine at the current instant and carries out its actions.
    mutating func deliver(_ event: CallEvent) {
        session.process(event, at: now)
        for index in 0..<session.machine.actions.count { perform(session.machine.actions[index]) }
    }

    private mutating func perform(_ action: CallAction) {
        switch action {
        case .dial:
            log(.engine, .dial)
        case .play(let type, let id):
            playing = (id, type)
            schedule(.promptFinished(id), at: now + promptSeconds(type))
            log(.engine, .play(type))
        case .stopPrompt(let id):
            if let current = playing, current.id == id {
                playing = nil
                log(.engine, .interrupted(current.type))
            }
            pending.cancel(.promptFinished(id))
        case .sendDigits(let digits):
            schedule(.digitsSent, at: now + Double(digits.count) * CallLimits.extensionDigitDuration)
            log(.engine, .sentDigits(digits))
        case .startTimer(let timer, let seconds):
            schedule(.timerFired(timer), at: now + seconds)
            log(.engine, .timerStarted(timer.purpose, seconds: seconds))
        case .cancelTimer(let timer):
            pending.cancel(.timerFired(timer))
        case .key(let shown, let handling):
            log(.caller, .key(shown, handling))
        case .entry(let verdict):
            log(.engine, .entry(verdict))
        case .denial:
            log(.engine, .denial)
        case .reportFraud:
            log(.engine, .fraudReported)
        case .hangUp:
            log(.engine, .hangUp)
        case .finish(let result, let detail):
            finished = (result, detail)
            pending.removeAll()
            log(.engine, .result(result, detail))
        }
    }

    private mutating func runOne(_ next: (at: Int, event: CallEvent)) {
        now = seconds(next.at)
        switch next.event {
        case .promptFinished(let id):
            if playing?.id == id { playing = nil }
        case .timerFired(let timer): log(.engine, .timerExpired(timer.purpose))
        default: break
        }
        deliver(next.event)
    }

    /// Runs the engine's events due strictly before `time`, then stands at `time`.
    mutating func advance(to target: Double) {
        let time = millis(target)
        while finished == nil, let next = pending.popEarliest(before: time) { runOne(next) }
        if finished == nil { now = max(now, seconds(time)) }
    }

    /// Runs the engine until it waits for the callee (or the call ends).
    mutating func listen() {
        while finished == nil, !session.machine.isWaitingForCaller, let next = pending.popEarliest(before: .max) { runOne(next) }
    }

    /// Runs the engine until the call ends.
    mutating func runToEnd() {
        while finished == nil, let next = pending.popEarliest(before: .max) { runOne(next) }
    }
}

/// Virtual time is kept on a millisecond grid, so that sums such as 0.3 + 0.3 + 0.3 land exactly
/// on 0.9 and ties between a key and a timer are real ties. Due times are whole milliseconds
/// (integer comparisons on the hot path); `seconds` gives the instant a transcript shows.
/// Rounds half away from zero like `rounded()`, without the library call.
@inline(__always)
private func millis(_ seconds: Double) -> Int {
    let scaled = seconds * 1000
    guard abs(scaled) < 1e15 else { return scaled < 0 ? Int.min / 2 : Int.max / 2 }  // beyond any script's reach
    return Int(scaled + (scaled < 0 ? -0.5 : 0.5))
}

private func seconds(_ millis: Int) -> Double { Double(millis) / 1000 }

extension CallerAction.Kind {
    /// The action as a transcript names it when it is ignored (its keys left out).
    var step: ScriptStep {
        switch self {
        case .answer(let after): .answer(after: after)
        case .noAnswer: .noAnswer
        case .listen: .listen
        case .wait(let seconds): .wait(seconds)
        case .press: .press
        case .hangup: .hangup
        }
    }
}
