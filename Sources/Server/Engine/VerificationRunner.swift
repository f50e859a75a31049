import Foundation
import SIPChannel
import Verification
import VerificationStore
import VoiceCall

/// Runs accepted verifications in the background, many at once, each on its own engine instance,
/// so a slow call never holds up a request or another call.
///
/// A simulated call and the record of its end commit in one transaction with the check that it is still
/// queued: a verification canceled first is never called, one completed first cannot be canceled,
/// and a process killed mid-call leaves it queued, to be ended by the next start
/// (`VerificationStore.endUnfinishedVerifications`). A live call over SIP runs outside any
/// transaction or write lock: only its start (`calling`) and its end are written (`runLive`).
final class VerificationRunner: @unchecked Sendable {
    private let pool: SessionPool
    private let metrics: Metrics
    private let callbacks: CallbackSender
    private let workers = DispatchQueue(label: "ivr.calls", attributes: .concurrent)
    /// Bounds the calls running at once to the worker threads Dispatch will give us.
    private let slots = DispatchSemaphore(value: 16)
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var accepting = true
    /// The hang-up switch of each live call in progress, by verification id.
    private var live: [String: LiveCallCanceller] = [:]
    private let line = LiveLine()

    init(pool: SessionPool, metrics: Metrics, callbacks: CallbackSender) {
        self.pool = pool
        self.metrics = metrics
        self.callbacks = callbacks
    }

    /// Whether new calls are taken (false once a stop began).
    var isAccepting: Bool { lock.withLock { accepting } }

    /// Starts the call of a stored, queued verification. - Returns: false when stopping.
    func start(id: String, order: VerificationOrder, key: String) -> Bool {
        let admitted = lock.withLock { () -> Bool in
            guard accepting else { return false }
            group.enter()
            return true
        }
        guard admitted else { return false }
        metrics.callStarted()
        workers.async { [self] in
            slots.wait()
            defer {
                slots.signal()
                group.leave()
            }
            let final: VerificationRecord?
            switch order.callee {
            case .simulated(let scripted): final = run(id: id, call: scripted)
            case .sip(let request): final = runLive(id: id, request: request)
            }
            metrics.callEnded(result: final.flatMap { $0.outcome?.result ?? $0.status.rawValue } ?? "error")
            if let final, let url = final.callbackURL.flatMap(URL.init(string:)), final.status.isFinal {
                callbacks.send(JSONCoding.encode(VerificationView(record: final)), to: url, key: key)
            }
        }
        return true
    }

    /// The call, then its final record (`nil` when the store failed).
    private func run(id: String, call: ScriptedCall) -> VerificationRecord? {
        try? pool.with { session in
            // A simulated call runs in virtual time inside its transaction; one writer at a time.
            _ = try pool.exclusively {
                try session.runQueuedVerification(id: id, request: call.request, through: call.channel)
            }
            // Fraud mail goes out after the call is recorded, off its path, as after `ivr call`; a
            // failure stays queued with its reason for the next run or `ivr outbox --deliver`.
            _ = session.deliverMail()
            return try session.verification(id: id)
        }
    }

    /// A live call, then its final record (`nil` when the store failed). The switch is registered
    /// before the call is marked `calling`, so a cancel at any moment finds it.
    private func runLive(id: String, request: VerificationRequest) -> VerificationRecord? {
        let canceller = LiveCallCanceller()
        lock.withLock { live[id] = canceller }
        defer { lock.withLock { live[id] = nil } }
        return try? pool.with { session in
            guard try pool.exclusively({ try session.beginLiveVerification(id: id) }) else { return try session.verification(id: id) }
            let call: PreparedCall
            let channel: SIPCallChannel
            let outcome: ChannelOutcome
            do {
                call = try session.prepare(request)
                let phone = try line.open(with: session)
                let speaking = UncheckedSession(session: session)
                channel = SIPCallChannel(phone: phone) { prompts in SpokenPrompts(session: speaking.session, prompts: prompts) }
                channel.canceller = canceller
                outcome = try channel.run(call)
            } catch {
                // The trunk cannot be used (unresolvable host, port taken, sealed password lost) or
                // the call could not be set up: it ends without a call, its detail naming the cause.
                let ended = VerificationOutcome(
                    result: nil, detail: "no call placed: \(error)", callerId: nil, prompts: [], digitsSent: "", notifications: 0)
                _ = try pool.exclusively {
                    try session.updateVerification(id: id, from: [.calling], to: .canceled, outcome: ended, endedAt: pool.engine.now)
                }
                return try session.verification(id: id)
            }
            _ = try pool.exclusively {
                try session.concludeLiveVerification(
                    id: id, call: call, outcome: outcome, sipCallId: channel.lastCall?.sipCallId, sipStatus: channel.lastCall?.sipStatus)
            }
            _ = session.deliverMail()
            return try session.verification(id: id)
        }
    }

    /// Hangs up the live call of a verification just canceled (nothing when it has none).
    func hangUp(id: String) {
        lock.withLock { live[id] }?.cancel()
    }

    /// Takes no new call and waits for the running ones, at most `timeout` seconds.
    /// - Returns: whether every call finished in time.
    func drain(timeout: TimeInterval) -> Bool {
        lock.withLock { accepting = false }
        let drained = group.wait(timeout: .now() + timeout) == .success
        // The SIP stack goes last: a call still running after the wait is hung up here.
        line.close()
        return drained
    }
}
