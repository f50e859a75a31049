/// The phone call itself: a pure, deterministic state machine (SPEC §2).
///
/// Feed it `CallEvent`s in time order; it answers each with the `CallAction`s to carry out. It does
/// no I/O and reads no clock, so the same events always give the same actions, and a simulator,
/// a test or (later) a live telephony channel can drive it alike.
///
/// ```
///  start ──▶ (refused before dialling: blocked / locked out / invalid number)
///    │
///    ▼
///  ringing ──ring timer──▶ not answered
///    │ answered
///    ├──(extension)──▶ intro prompt ─▶ sending digits ─▶ wait for # (attempts) ──▶ timed out
///    ▼                                                    │ #
///  collecting (attempt n: greeting or retry) ◀────────────┘
///    │  entry judged: success / fraud / failed / silent
///    ├── failed, attempts left ─▶ [denied-retry interlude] ─▶ collecting (n+1)
///    ▼
///  closing prompt ──finished──▶ hang up, result
/// ```
/// A hang-up before the result is decided ends the call as `abandoned`; after it, the decided
/// result stands.
public struct CallStateMachine: Sendable {
    public let plan: CallPlan
    private var state: State = .idle
    private var nextPromptID = 0
    private var nextTimerGeneration = 0
    /// Any attempt had an entry (decides `denied` over `timed_out`).
    private var hadEntry = false
    /// Any entry was a wrong PIN (decides the detail `invalid PIN`).
    private var hadWrongPIN = false
    private var denialsLeft: Int?
    /// How entries are judged against the PIN (`nil` on a standard call).
    private let pin: PINCheck?
    /// The actions of the last event handled, in order; read in place by a channel after `process`.
    public private(set) var actions = CallActions()

    public init(plan: CallPlan) {
        self.plan = plan
        self.denialsLeft = plan.denialsBeforeLockout
        if case .pin(let check) = plan.method { pin = check } else { pin = nil }
    }

    /// Where the call stands. Each case carries what that phase needs and nothing else.
    private enum State: Sendable {
        case idle
        case ringing(CallTimer)
        /// *Extension prompt before digits* is playing; keys are discarded.
        case extensionIntro(PromptID)
        /// The extension digits are being sent; keys are discarded.
        case sendingDigits
        /// Waiting for `#` at the extension, attempt n of the extension step.
        case extensionWait(attempt: Int, Waiting)
        case collecting(Collection)
        /// *Authentication denied retry* is playing; keys are discarded; the next attempt follows.
        case interlude(PromptID, nextAttempt: Int)
        /// The result is decided; the closing prompt is playing.
        case closing(PromptID, CallResult, ResultDetail)
        case ended(CallResult)
    }

    /// What a collecting phase is waiting on: its prompt to end, or a key before a timer expires.
    private enum Waiting: Sendable {
        case prompt(PromptID)
        case timer(CallTimer)

        var isTimer: Bool { if case .timer = self { true } else { false } }
    }

    private struct Collection: Sendable {
        var attempt: Int
        var waiting: Waiting
        var entry = KeySequence()
    }

    /// The result, once the call has ended.
    public var result: CallResult? {
        if case .ended(let result) = state { result } else { nil }
    }

    /// True when the engine is waiting for the callee: a collecting prompt has finished and a timer
    /// runs, the phone is ringing, or the call is over. A simulator's `listen` runs until this holds.
    ///
    /// Stored (updated after each event) rather than computed: a simulator asks after every event,
    /// and reading a stored field of a value held by another module costs a load, where calling a
    /// getter copies the whole machine first.
    public private(set) var isWaitingForCaller = false

    private var waitsForCaller: Bool {
        switch state {
        case .idle, .extensionIntro, .sendingDigits, .interlude, .closing: false
        case .ringing, .ended: true
        case .extensionWait(_, let waiting): waiting.isTimer
        case .collecting(let collection): collection.waiting.isTimer
        }
    }

    // MARK: Events

    /// Handles one event and returns the actions to carry out, in order.
    public mutating func handle(_ event: CallEvent) -> [CallAction] {
        process(event)
        return Array(actions)
    }

    /// Handles one event; its actions are then in ``actions``, to read in place (the hot path of a
    /// simulator: nothing is allocated or copied per event).
    public mutating func process(_ event: CallEvent) {
        actions.removeAll()
        switch event {
        case .start: start()
        case .answered: answered()
        case .promptFinished(let id): promptFinished(id)
        case .digitsSent: digitsSent()
        case .key(let key): keyPressed(key)
        case .timerFired(let timer): timerFired(timer)
        case .hungUp: hungUp()
        }
        isWaitingForCaller = waitsForCaller
    }

    private mutating func emit(_ action: CallAction) { actions.append(action) }

    private mutating func start() {
        guard case .idle = state else { return }
        switch plan.preDial {
        case .blocked: end(.blocked, .userBlocked)
        case .lockedOut: end(.lockedOut, .lockedOut)
        case .invalidNumber: end(.invalidRequest, .invalidPhoneNumber)
        case .clear:
            let timer = makeTimer(.ring)
            state = .ringing(timer)
            emit(.dial)
            emit(.startTimer(timer, seconds: plan.limits.ringTimeout))
        }
    }

    private mutating func answered() {
        guard case .ringing(let timer) = state else { return }
        emit(.cancelTimer(timer))
        if plan.extensionDigits != nil {
            let id = makePromptID()
            state = .extensionIntro(id)
            emit(.play(.extensionPromptBeforeDigits, id))
        } else {
            openAttempt(1, prompt: plan.greeting)
        }
    }

    private mutating func promptFinished(_ id: PromptID) {
        switch state {
        case .extensionIntro(id):
            state = .sendingDigits
            emit(.sendDigits(plan.extensionDigits ?? KeySequence()))
        case .extensionWait(let attempt, .prompt(id)):
            let timer = makeTimer(.response)
            state = .extensionWait(attempt: attempt, .timer(timer))
            emit(.startTimer(timer, seconds: plan.limits.responseTimeout))
        case .collecting(var collection):
            guard case .prompt(id) = collection.waiting else { return }
            let timer = makeTimer(.response)
            collection.waiting = .timer(timer)
            state = .collecting(collection)
            emit(.startTimer(timer, seconds: plan.limits.responseTimeout))
        case .interlude(id, let nextAttempt):
            openAttempt(nextAttempt, prompt: plan.retry)
        case .closing(id, let result, let detail):
            state = .ended(result)
            emit(.hangUp)
            emit(.finish(result, detail))
        default:
            // A prompt that was cut short, or one from an earlier phase: nothing to do.
            return
        }
    }

    private mutating func digitsSent() {
        guard case .sendingDigits = state else { return }
        let id = makePromptID()
        state = .extensionWait(attempt: 1, .prompt(id))
        emit(.play(.extensionPromptAfterDigits, id))
    }

    private mutating func keyPressed(_ key: DTMFKey) {
        let shown = display(key)
        switch state {
        case .idle, .ringing, .ended:
            return
        case .extensionIntro, .sendingDigits, .interlude, .closing:
            emit(.key(shown, .discarded))
        case .extensionWait(_, let waiting):
            guard key.isPound else { return emit(.key(shown, .ignored)) }
            emit(.key(shown, .accepted))
            stop(waiting)
            openAttempt(1, prompt: plan.greeting)
        case .collecting(var collection):
            emit(.key(shown, .accepted))
            stop(collection.waiting)
            if key.isPound { return judge(collection, shape: .complete) }
            if !collection.entry.append(key) || collection.entry.count > plan.limits.maxDigits {
                state = .collecting(collection)
                return judge(collection, shape: .tooLong)
            }
            let timer = makeTimer(.interDigit)
            collection.waiting = .timer(timer)
            state = .collecting(collection)
            emit(.startTimer(timer, seconds: plan.limits.interDigitTimeout))
        }
    }

    private mutating func timerFired(_ timer: CallTimer) {
        switch state {
        case .ringing(timer):
            emit(.hangUp)
            end(.notAnswered, .notAnswered)
        case .extensionWait(let attempt, .timer(timer)):
            if attempt < plan.limits.attempts {
                let id = makePromptID()
                state = .extensionWait(attempt: attempt + 1, .prompt(id))
                emit(.play(plan.extensionRetry, id))
            } else {
                close(with: .authenticationDenied, .timedOut, .noResponse)
            }
        case .collecting(let collection):
            guard case .timer(timer) = collection.waiting else { return }
            judge(collection, shape: timer.purpose == .interDigit ? .incomplete : .silent)
        default:
            // Cancelled or superseded: a timer that expires in the same instant it was replaced.
            return
        }
    }

    private mutating func hungUp() {
        switch state {
        case .idle, .ended:
            return
        case .ringing(let timer):
            emit(.cancelTimer(timer))
            end(.abandoned, .callerHungUp)
        case .extensionIntro(let id), .interlude(let id, _):
            emit(.stopPrompt(id))
            end(.abandoned, .callerHungUp)
        case .sendingDigits:
            end(.abandoned, .callerHungUp)
        case .extensionWait(_, let waiting):
            stop(waiting)
            end(.abandoned, .callerHungUp)
        case .collecting(let collection):
            stop(collection.waiting)
            end(.abandoned, .callerHungUp)
        case .closing(let id, let result, let detail):
            // The result was decided before the hang-up; it stands.
            emit(.stopPrompt(id))
            end(result, detail)
        }
    }

    // MARK: Judging entries

    /// How an attempt ended, before the digits are compared with anything.
    private enum EntryShape {
        /// `#` ended it.
        case complete
        /// Keys, then the inter-digit timeout.
        case incomplete
        /// One key more than the maximum length.
        case tooLong
        /// No key before the response timeout.
        case silent
    }

    private mutating func judge(_ collection: Collection, shape: EntryShape) {
        let entry = collection.entry
        let isFraudCode = plan.fraudCode == entry

        switch shape {
        case .silent:
            emit(.entry(.silent))
            attemptFailed(collection.attempt, denial: false)
        case .complete where isFraudCode:
            // Fraud wins over a PIN that equals the fraud code.
            let prompt: MessageType = plan.fraudAutoBlock ? .fraudConfirmation : .fraudReported
            emit(.entry(.fraudCode))
            emit(.reportFraud)
            close(with: prompt, .fraudReported, .fraudCodeEntered)
        case .complete:
            hadEntry = true
            switch (pin, entry.isEmpty) {
            case (nil, true):
                emit(.entry(.confirmed))
                close(with: .authenticationSuccessful, .verified, .completed)
            case (let pin?, false) where pin.matches(entry):
                emit(.entry(.correctPIN))
                close(with: .authenticationSuccessful, .verified, .completed)
            case (nil, false), (_?, true):
                emit(.entry(.invalid))
                attemptFailed(collection.attempt, denial: false)
            case (_?, false):
                emit(.entry(.wrongPIN))
                attemptFailed(collection.attempt, denial: true)
            }
        case .incomplete, .tooLong:
            hadEntry = true
            // On a PIN call any entry that is neither the PIN nor the fraud code is a wrong PIN,
            // even without `#`. An unfinished entry that *is* the PIN is merely invalid.
            let denial = !isFraudCode && pin.map { !$0.matches(entry) } ?? false
            emit(.entry(shape == .tooLong ? .tooLong : .incomplete))
            attemptFailed(collection.attempt, denial: denial)
        }
    }

    private mutating func attemptFailed(_ attempt: Int, denial: Bool) {
        if denial {
            hadWrongPIN = true
            emit(.denial)
            if let left = denialsLeft {
                denialsLeft = left - 1
                if left - 1 <= 0 {
                    return close(with: .authenticationDenied, .lockedOut, .lockedOut)
                }
            }
        }
        guard attempt < plan.limits.attempts else {
            let result: CallResult = hadEntry ? .denied : .timedOut
            let detail: ResultDetail = hadWrongPIN ? .invalidPIN : (hadEntry ? .invalidInput : .noResponse)
            return close(with: .authenticationDenied, result, detail)
        }
        if denial {
            let id = makePromptID()
            state = .interlude(id, nextAttempt: attempt + 1)
            return emit(.play(.authenticationDeniedRetry, id))
        }
        openAttempt(attempt + 1, prompt: plan.retry)
    }

    // MARK: Building blocks

    private mutating func openAttempt(_ attempt: Int, prompt: MessageType) {
        let id = makePromptID()
        state = .collecting(Collection(attempt: attempt, waiting: .prompt(id)))
        emit(.play(prompt, id))
    }

    private mutating func close(with prompt: MessageType, _ result: CallResult, _ detail: ResultDetail) {
        let id = makePromptID()
        state = .closing(id, result, detail)
        emit(.play(prompt, id))
    }

    private mutating func end(_ result: CallResult, _ detail: ResultDetail) {
        state = .ended(result)
        emit(.finish(result, detail))
    }

    private mutating func stop(_ waiting: Waiting) {
        switch waiting {
        case .prompt(let id): emit(.stopPrompt(id))
        case .timer(let timer): emit(.cancelTimer(timer))
        }
    }

    /// A key as it may appear anywhere outside the machine: on a PIN call every key but `#` is
    /// masked, whatever the phase, so no PIN digit can leave through a transcript.
    private func display(_ key: DTMFKey) -> ShownKey {
        pin != nil && !key.isPound ? .masked : .key(key)
    }

    private mutating func makePromptID() -> PromptID {
        nextPromptID += 1
        return PromptID(nextPromptID)
    }

    private mutating func makeTimer(_ purpose: CallTimer.Purpose) -> CallTimer {
        nextTimerGeneration += 1
        return CallTimer(purpose, generation: nextTimerGeneration)
    }
}
