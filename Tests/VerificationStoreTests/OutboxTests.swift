import Foundation
import Testing
@testable import VerificationStore

@Suite struct OutboxTests {
    @Test func failedStaysQueuedThenSentOnce() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let body = "From: ivr@contoso.com\r\nTo: sec@contoso.com\r\nSubject: Fraud alert\r\n\r\nalice reported fraud\r\n"
            let ids = try store.enqueue(
                [OutboxDraft(to: "sec@contoso.com", subject: "Fraud alert", body: body),
                 OutboxDraft(to: "ops@contoso.com", subject: "Fraud alert", body: body)], at: t0)
            #expect(ids.count == 2)
            #expect(try store.pendingMessages().map(\.id) == ids)

            #expect(try store.markFailed(id: ids[0], error: "sendmail exited with status 75"))
            let afterFailure = try store.pendingMessages()
            #expect(afterFailure.map(\.id) == ids)
            #expect(afterFailure[0].attempts == 1 && afterFailure[0].lastError == "sendmail exited with status 75")
            #expect(afterFailure[0].status == .queued && afterFailure[0].body == body)

            // A later run (another connection) delivers it.
            let later = try VerificationStore(directory: dir)
            #expect(try later.markSent(id: ids[0], at: minutes(5)))
            #expect(try later.markSent(id: ids[0], at: minutes(6)) == false)  // exactly once
            #expect(try later.markFailed(id: ids[0], error: "late") == false)
            #expect(try store.pendingMessages().map(\.id) == [ids[1]])
            let sent = try #require(try store.outbox().first)
            #expect(sent.status == .sent && sent.sentAt == minutes(5) && sent.attempts == 2 && sent.lastError == nil)
            #expect(sent.createdAt == t0 && sent.to == "sec@contoso.com" && sent.subject == "Fraud alert")
            #expect(try store.outbox().count == 2)
        }
    }

    @Test func claimsKeepTwoDeliverersApartUntilSettledOrExpired() throws {
        try withStateDirectory { dir in
            let a = try VerificationStore(directory: dir)
            let b = try VerificationStore(directory: dir)
            let ids = try a.enqueue([OutboxDraft(to: "x@y.org", subject: "s", body: "b")], at: t0)
            #expect(try a.claimPendingMessages(at: t0, leaseSeconds: 60).map(\.id) == ids)
            #expect(try b.claimPendingMessages(at: t0.addingTimeInterval(30), leaseSeconds: 60).isEmpty)
            // The first deliverer died: after the lease, the next run gets it.
            #expect(try b.claimPendingMessages(at: t0.addingTimeInterval(60), leaseSeconds: 60).map(\.id) == ids)
            #expect(try b.markFailed(id: ids[0], error: "exit 1"))
            // A failure releases the claim at once.
            #expect(try a.claimPendingMessages(at: t0.addingTimeInterval(61)).map(\.id) == ids)
            #expect(try a.markSent(id: ids[0], at: t0.addingTimeInterval(62)))
            #expect(try b.claimPendingMessages(at: days(1)).isEmpty)
        }
    }
}
