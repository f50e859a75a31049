import Foundation
import VoiceCall

/// The engine's `CallChannel` for live calls: runs a prepared call over a `SIPPhone` (SPEC §15).
///
/// The engine prepares the call (checks, caller ID, prompts, plan) and concludes it (records,
/// blocks, notifies); this channel only carries it out on the line. A call refused before
/// dialling (blocked, locked out, invalid number) never touches SIP: the machine ends it at once.
/// The SIP details the engine's outcome has no room for (Call-ID, final status, failure) are kept
/// in `lastCall` for the report.
public final class SIPCallChannel: CallChannel, @unchecked Sendable {
    public let phone: SIPPhone
    /// Where prompt audio comes from, per call (each call may speak another language).
    private let voice: @Sendable (PromptSet) -> any PromptSamples
    private let lock = NSLock()
    private var last: LiveCallOutcome?
    /// Hangs up the call in progress when canceled (`ivr serve`); `nil` for calls none can cancel.
    public var canceller: LiveCallCanceller?

    /// - Parameter voice: the samples of a call's prompts; by default a tone as long as each
    ///   prompt's text would speak (`ToneSamples`), until speech rendering is wired in.
    public init(phone: SIPPhone, voice: @escaping @Sendable (PromptSet) -> any PromptSamples = SIPCallChannel.tone) {
        self.phone = phone
        self.voice = voice
    }

    public static let tone: @Sendable (PromptSet) -> any PromptSamples = { prompts in
        ToneSamples { prompts[$0].durationSeconds }
    }

    /// The last call this channel placed (its Call-ID, SIP status, failure), `nil` before any.
    public var lastCall: LiveCallOutcome? {
        lock.lock()
        defer { lock.unlock() }
        return last
    }

    public func run(_ call: PreparedCall) throws -> ChannelOutcome {
        guard call.plan.preDial == .clear, let number = call.request.number else {
            return Self.refused(call.plan)
        }
        let request = try LiveCallRequest(
            plan: call.plan, number: number.e164, callerID: call.callerID, source: voice(call.prompts))
        let outcome = phone.call(request, canceller: canceller)
        lock.lock()
        last = outcome
        lock.unlock()
        var channelOutcome = ChannelOutcome(recording: outcome.recording, transcript: outcome.transcript, duration: outcome.duration)
        channelOutcome.sipStatus = outcome.sipStatus
        channelOutcome.failure = outcome.failure
        return channelOutcome
    }

    /// A call the machine ends before dialling: `.start` alone decides it.
    static func refused(_ plan: CallPlan) -> ChannelOutcome {
        var session = CallSession(plan: plan)
        var transcript: [TranscriptEntry] = []
        for action in session.handle(.start, at: 0) {
            if case .finish(let result, let detail) = action {
                transcript.append(TranscriptEntry(time: 0, actor: .engine, event: .result(result, detail)))
            }
        }
        return ChannelOutcome(recording: session.recording, transcript: transcript, duration: 0)
    }
}
