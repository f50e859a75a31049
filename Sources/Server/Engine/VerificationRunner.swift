import Foundation
import Verification
import VerificationStore

/// Runs accepted verifications in the background, many at once, each on its own engine instance,
/// so a slow call never holds up a request or another call.
///
/// A call and the record of its end commit in one transaction with the check that it is still
/// queued: a verification canceled first is never called, one completed first cannot be canceled,
/// and a process killed mid-call leaves it queued, to be ended by the next start
/// (`VerificationStore.endUnfinishedVerifications`).
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
            let final = run(id: id, order: order)
            metrics.callEnded(result: final.flatMap { $0.outcome?.result ?? $0.status.rawValue } ?? "error")
            if let final, let url = final.callbackURL.flatMap(URL.init(string:)), final.status.isFinal {
                callbacks.send(JSONCoding.encode(VerificationView(record: final)), to: url, key: key)
            }
        }
        return true
    }

    /// The call, then its final record (`nil` when the store failed).
    private func run(id: String, order: VerificationOrder) -> VerificationRecord? {
        try? pool.with { session in
            // A simulated call runs in virtual time inside its transaction; one writer at a time.
            _ = try pool.exclusively {
                try session.runQueuedVerification(id: id, request: order.call.request, through: order.call.channel)
            }
            // Fraud mail goes out after the call is recorded, off its path, as after `ivr call`; a
            // failure stays queued with its reason for the next run or `ivr outbox --deliver`.
            _ = session.deliverMail()
            return try session.verification(id: id)
        }
    }

    /// Takes no new call and waits for the running ones, at most `timeout` seconds.
    /// - Returns: whether every call finished in time.
    func drain(timeout: TimeInterval) -> Bool {
        lock.withLock { accepting = false }
        return group.wait(timeout: .now() + timeout) == .success
    }
}
