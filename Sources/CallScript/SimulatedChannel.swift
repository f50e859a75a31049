import VoiceCall

/// The first ``CallChannel``: runs a prepared call against a `.call` script's caller actions in
/// virtual time (``CallSimulator``), each prompt lasting its resolved duration.
public struct SimulatedChannel: CallChannel, Sendable {
    public var actions: [CallerAction]
    public var keyPressSeconds: Double

    public init(actions: [CallerAction], keyPressSeconds: Double = 0.3) {
        self.actions = actions
        self.keyPressSeconds = keyPressSeconds
    }

    public func run(_ call: PreparedCall) -> ChannelOutcome {
        let prompts = call.prompts
        let simulator = CallSimulator(plan: call.plan, keyPressSeconds: keyPressSeconds) { prompts[$0].durationSeconds }
        let outcome = simulator.run(actions)
        return ChannelOutcome(recording: outcome.recording, transcript: outcome.transcript, duration: outcome.duration)
    }
}
