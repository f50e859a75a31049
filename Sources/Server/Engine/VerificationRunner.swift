import Foundation
import SIPChannel
import Verification
import VerificationStore
import VoiceCall

/// Runs accepted verifications in the background, many at once, so a slow call never holds up a
/// request or another call.
///
/// Simulated calls run on one thread of their own, in batches: every call queued when the thread
/// comes round runs in one transaction (each call in a savepoint, with the check that it is still
/// queued), so a burst of verifications costs one commit, not one per call. A verification
/// canceled first is never called, one completed first cannot be canceled, and a process killed
/// mid-batch leaves its verifications queued, to be ended by the next start
/// (`VerificationStore.endUnfinishedVerifications`); no result is reported before its batch commits.
/// Live calls over SIP run on a pool of threads, outside any transaction or write lock: only their
/// start (`calling`) and their end are written (`runLive`).
final class VerificationRunner: @unchecked Sendable {
    private let pool: SessionPool
    private let metrics: Metrics
    private let callbacks: CallbackSender
    /// One accepted verification and what to do once it ended.
    private struct Job: Sendable {
        var id: String
        var order: VerificationOrder
        var key: String
    }
    private var simulated: WorkerThreads<Job>!
    /// The most simulated calls one transaction runs: enough to make commits rare under load,
    /// few enough (tens of milliseconds) that a request waiting for the writer lock to store its
    /// verification is not held up long.
    static let batchLimit = 64
    /// At most this many live calls run at once; more wait their turn.
    private var liveCalls: WorkerThreads<Job>!
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
        simulated = WorkerThreads(name: "ivr-simulated-calls", count: 1, batchLimit: Self.batchLimit) { [weak self] in self?.runSimulated($0) }
        liveCalls = WorkerThreads(name: "ivr-live-calls", count: 16) { [weak self] jobs in jobs.forEach { self?.runLive($0) } }
    }

    /// The threads end with the runner (after any job still queued, which then does nothing).
    deinit {
        simulated.close()
        liveCalls.close()
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
        let job = Job(id: id, order: order, key: key)
        switch order.callee {
        case .simulated: simulated.submit(job)
        case .sip: liveCalls.submit(job)
        }
        return true
    }

    /// A batch of simulated calls in one transaction, then each one's metrics and callback.
    private func runSimulated(_ jobs: [Job]) {
        let calls = jobs.compactMap { job -> ScriptedVerification? in
            guard case .simulated(let call) = job.order.callee else { return nil }
            return ScriptedVerification(id: job.id, call: call)
        }
        let outcomes: [Result<CallReport?, any Error>]? = try? pool.with { session in
            session.warmPrompts(for: calls)
            // A simulated call runs in virtual time inside its transaction; one writer at a time.
            let outcomes = try pool.exclusively { try session.runQueuedVerifications(calls) }
            // Fraud mail goes out after the calls are recorded, off their path, as after `ivr call`;
            // a failure stays queued with its reason for the next run or `ivr outbox --deliver`.
            _ = session.deliverMail()
            return outcomes
        }
        guard let outcomes else {
            // The store failed the whole batch: every call stays queued, for the next start to end.
            for job in jobs { ended(job, result: "error", record: nil) }
            return
        }
        for (job, outcome) in zip(jobs, outcomes) {
            switch outcome {
            case .success(let report?):
                ended(job, result: report.result.id, record: job.order.callbackURL == nil ? nil : try? pool.with { try $0.verification(id: job.id) })
            case .success(nil):
                // Canceled before its turn: it was never called.
                let record = try? pool.with { try $0.verification(id: job.id) }
                ended(job, result: Self.resultLabel(record), record: record)
            case .failure:
                ended(job, result: "error", record: nil)
            }
        }
    }

    /// Counts a call's end and sends its callback (when it asked for one and the verification ended).
    /// What `/metrics` and the log count a finished job as: its call result, else its status.
    private static func resultLabel(_ record: VerificationRecord?) -> String {
        record.map { $0.outcome?.result?.rawValue ?? $0.status.rawValue } ?? "error"
    }

    private func ended(_ job: Job, result: String, record: VerificationRecord?) {
        defer { group.leave() }
        metrics.callEnded(result: result)
        if let record, let url = record.callbackURL.flatMap(URL.init(string:)), record.status.isFinal {
            callbacks.send(JSONCoding.encode(VerificationView(record: record)), to: url, key: job.key)
        }
    }

    /// A live call, its metrics and its callback.
    private func runLive(_ job: Job) {
        guard case .sip(let request) = job.order.callee else { return }
        let final = runLive(id: job.id, request: request)
        ended(job, result: Self.resultLabel(final), record: final)
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
                channel = SIPCallChannel(phone: phone, voice: SpokenPrompts.voice(of: session))
                channel.canceller = canceller
                outcome = try channel.run(call)
            } catch {
                // The trunk cannot be used (unresolvable host, port taken, sealed password lost) or
                // the call could not be set up: it ends without a call, its detail naming the cause.
                let ended = VerificationOutcome.noCall("no call placed: \(error)")
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

    /// Whether a live call of this verification is still running (its end not yet written).
    func hasLiveCall(id: String) -> Bool {
        lock.withLock { live[id] != nil }
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
        simulated.close()
        liveCalls.close()
        // The SIP stack goes last: a call still running after the wait is hung up here.
        line.close()
        return drained
    }
}
