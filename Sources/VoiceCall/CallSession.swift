/// One call's machine and recorder, driven together: what every channel holds while a call runs.
///
/// A channel turns what happens on its line into ``handle(_:at:)`` calls and carries out the
/// actions it gets back; the recorder sees the same actions, so the facts of the call never depend
/// on the channel.
public struct CallSession: Sendable {
    public private(set) var machine: CallStateMachine
    public private(set) var recorder = CallRecorder()

    public init(plan: CallPlan) {
        self.machine = CallStateMachine(plan: plan)
    }

    /// Hands one event, at `time` seconds from the request, to the machine; returns its actions.
    public mutating func handle(_ event: CallEvent, at time: Double) -> [CallAction] {
        process(event, at: time)
        return Array(machine.actions)
    }

    /// Hands one event to the machine; its actions are then in `machine.actions`, to read in place.
    public mutating func process(_ event: CallEvent, at time: Double) {
        machine.process(event)
        // Element by element: the actions are read in place, never copied as a whole.
        for index in 0..<machine.actions.count { recorder.record(machine.actions[index], at: time) }
    }

    /// See ``CallStateMachine/isWaitingForCaller``. (A hot loop in another module reads
    /// `machine.isWaitingForCaller`, a stored field, rather than this getter.)
    public var isWaitingForCaller: Bool { machine.isWaitingForCaller }

    /// What the call did so far.
    public var recording: CallRecording { recorder.recording }
}
