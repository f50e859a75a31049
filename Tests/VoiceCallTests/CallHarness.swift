@testable import VoiceCall

/// Drives a `CallStateMachine` by hand for tests: remembers the prompt playing and the timer
/// armed, so a test reads as what happens on the line ("greeting ends", "press 1#", "timer fires").
struct CallHarness {
    var machine: CallStateMachine
    var time = 0.0
    private(set) var actions: [CallAction] = []
    private(set) var playing: PromptID?
    private(set) var armed: CallTimer?

    init(_ plan: CallPlan) { machine = CallStateMachine(plan: plan) }

    /// Every prompt type played so far, in order.
    var played: [MessageType] {
        actions.compactMap { if case .play(let type, _) = $0 { type } else { nil } }
    }

    var finish: (CallResult, ResultDetail)? {
        for case .finish(let result, let detail) in actions { return (result, detail) }
        return nil
    }

    var denials: Int { actions.filter { $0 == .denial }.count }

    @discardableResult
    mutating func send(_ kind: CallEvent) -> [CallAction] {
        let new = machine.handle(kind)
        for action in new {
            switch action {
            case .play(_, let id): playing = id
            case .stopPrompt: playing = nil
            case .startTimer(let timer, _): armed = timer
            case .cancelTimer: armed = nil
            default: break
            }
        }
        actions += new
        return new
    }

    mutating func start() { send(.start) }
    mutating func answer() { send(.start); send(.answered) }

    /// The prompt now playing reaches its end.
    @discardableResult
    mutating func promptEnds() -> [CallAction] {
        guard let id = playing else { return [] }
        playing = nil
        return send(.promptFinished(id))
    }

    /// The armed timer expires.
    @discardableResult
    mutating func timerFires() -> [CallAction] {
        guard let timer = armed else { return [] }
        armed = nil
        return send(.timerFired(timer))
    }

    mutating func press(_ keys: String) {
        for key in DTMFKey.keys(keys)! { send(.key(key)) }
    }

    /// Lets every prompt play out and the extension digits go, until the engine waits for a key.
    mutating func listen() {
        while !machine.isWaitingForCaller {
            if playing != nil { promptEnds() } else { send(.digitsSent) }
        }
    }
}
