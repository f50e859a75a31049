import Foundation
import VerificationStore

/// One delivery run over the outbox: claims every queued message, hands each to the delivery
/// command, and stops at one overall deadline (issue 12).
///
/// Why a deadline for the whole run: a relay that hangs would otherwise cost one command timeout
/// per queued message. Why the lease is longer than the deadline: a claim must not expire while
/// its holder is still sending, or a second `outbox --deliver` would send the same message again;
/// a run never outlives `deadline` plus the store's busy timeout, and the lease covers that with
/// minutes to spare. Messages not attempted before the deadline are released at once, so the next
/// run takes them without waiting for the lease.
public struct MailCourier {
    /// The overall deadline of one run, in seconds.
    public static let defaultDeadline: TimeInterval = 60
    /// The longest a single delivery command may run.
    public static let commandTimeout: TimeInterval = 30

    /// How long a claim lasts for a run with `deadline`: the deadline, the store's busy timeout for
    /// the final writes, and four minutes of margin.
    public static func lease(forDeadline deadline: TimeInterval) -> TimeInterval {
        deadline + Double(VerificationStore.busyTimeoutMilliseconds) / 1000 + 240
    }

    let store: any StateStore
    let command: String
    let deadline: TimeInterval
    /// The time recorded with the claim and the deliveries.
    let now: Date

    public init(store: any StateStore, command: String, deadline: TimeInterval = Self.defaultDeadline, now: Date) {
        self.store = store
        self.command = command
        self.deadline = deadline
        self.now = now
    }

    /// Delivers what it can before the deadline; never throws (a store failure is a failure line).
    public func deliverQueued() -> MailDeliverySummary {
        let started = ContinuousClock.now
        let end = started + .milliseconds(Int64(self.deadline * 1000))
        var summary = MailDeliverySummary()
        let pending: [OutboxMessage]
        do {
            pending = try self.store.claimPendingMessages(at: self.now, leaseSeconds: Self.lease(forDeadline: self.deadline))
        } catch {
            summary.failures.append(.init(to: "", subject: "", reason: "cannot read the outbox: \(error)"))
            return summary
        }
        for (index, message) in pending.enumerated() {
            let remaining = end - ContinuousClock.now
            let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) / 1e18
            guard seconds > 0 else {
                let rest = pending[index...].map(\.id)
                _ = try? self.store.releaseClaims(ids: rest)
                summary.notAttempted = rest.count
                break
            }
            let delivery = MailDelivery(command: self.command, timeout: min(Self.commandTimeout, seconds))
            do {
                try delivery.deliver(message.body)
                if (try? self.store.markSent(id: message.id, at: self.now)) == true { summary.delivered += 1 }
            } catch {
                _ = try? self.store.markFailed(id: message.id, error: "\(error)")
                summary.failures.append(.init(to: message.to, subject: message.subject, reason: "\(error)"))
            }
        }
        return summary
    }
}

/// What one delivery run did.
public struct MailDeliverySummary: Sendable, Equatable {
    /// One message that was tried and not delivered; it stays queued.
    public struct Failure: Sendable, Equatable {
        public var to: String
        public var subject: String
        public var reason: String
    }

    public var delivered = 0
    public var failures: [Failure] = []
    /// Claimed but left for the next run because the deadline came first.
    public var notAttempted = 0

    public init() {}

    /// Messages this run claimed.
    public var claimed: Int { self.delivered + self.failures.count + self.notAttempted }
    /// Everything claimed went out.
    public var succeeded: Bool { self.failures.isEmpty && self.notAttempted == 0 }
}
