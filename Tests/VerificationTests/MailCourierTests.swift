import Foundation
import Testing
import VerificationStore
@testable import Verification

/// Issue 12: mail goes out off the call's path, in one run bounded by one overall deadline, and a
/// claim lasts longer than any run, so a second deliverer cannot take a message still being sent.
@Suite("Mail courier")
struct MailCourierTests {
    static func queue(_ count: Int, in fixture: ServiceFixture) throws {
        let drafts = (0..<count).map { OutboxDraft(to: "soc\($0)@example.com", subject: "Fraud alert \($0)", body: "Subject: x\r\n\r\nbody\r\n") }
        try fixture.store.enqueue(drafts, at: fixture.service.now)
    }

    @Test("after the overall deadline the rest are not attempted, and stay queued and free for the next run")
    func overallDeadline() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        try Self.queue(3, in: fixture)
        let courier = MailCourier(store: fixture.store, command: "sleep 30", deadline: 0.5, now: fixture.service.now)
        let summary = courier.deliverQueued()
        #expect(summary.delivered == 0)
        #expect(summary.failures.count == 1)
        #expect(summary.failures.first?.reason.contains("did not finish") == true, "\(summary.failures)")
        #expect(summary.notAttempted == 2)
        #expect(!summary.succeeded)
        // Nothing is lost, and nothing stays claimed: the next run may take all three at once.
        #expect(try fixture.store.pendingMessages().count == 3)
        #expect(try fixture.store.claimPendingMessages(at: fixture.service.now).count == 3)
    }

    @Test("a claim outlives the longest run: a second deliverer at the first one's deadline gets nothing")
    func leaseOutlivesRun() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        try Self.queue(2, in: fixture)
        let t0 = fixture.service.now
        let deadline = MailCourier.defaultDeadline
        #expect(try fixture.store.claimPendingMessages(at: t0, leaseSeconds: MailCourier.lease(forDeadline: deadline)).count == 2)
        // The first run cannot last past its deadline plus the store's busy timeout; the lease covers both.
        let latest = t0.addingTimeInterval(deadline + Double(VerificationStore.busyTimeoutMilliseconds) / 1000 + 1)
        #expect(try fixture.store.claimPendingMessages(at: latest).isEmpty)
    }

    @Test("a call does not deliver its mail itself; the delivery run afterwards does, exactly once")
    func offTheCallPath() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let sink = fixture.directory.appendingPathComponent("delivered.txt")
        _ = try fixture.store.updateSettings {
            $0.notificationEmails = ["sec@contoso.com"]
            $0.notificationCommand = "cat >> '\(sink.path)'"
        }
        let report = try fixture.call("user eve@contoso.com\nphone +14255550100\nat 2026-11-25T10:00:00Z", "answer\npress 0#")
        #expect(report.notifications == 1)
        #expect(!FileManager.default.fileExists(atPath: sink.path))
        #expect(try fixture.store.pendingMessages().count == 1)
        let summary = fixture.service.deliverMail()
        #expect(summary.delivered == 1)
        #expect(summary.succeeded)
        #expect(fixture.service.deliverMail() == MailDeliverySummary())
        #expect(try fixture.store.pendingMessages().isEmpty)
    }
}
