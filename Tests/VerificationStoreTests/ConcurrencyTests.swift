import Foundation
import Testing
import VoiceCall
@testable import VerificationStore

/// Collects what the worker threads report.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []

    func record(_ error: any Error) {
        self.lock.lock()
        defer { self.lock.unlock() }
        self.errors.append(String(describing: error))
    }

    var all: [String] {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.errors
    }
}

@Suite struct ConcurrencyTests {
    static let callsPerWorker = 1_000

    /// Two connections (as two `ivr` processes would have), each opening the fresh state directory
    /// itself and recording 1,000 calls at once against the same user: every record lands, the
    /// shared counter loses no update, and nobody sees SQLITE_BUSY.
    @Test func twoConnectionsRecordingAtOnceLoseNothing() throws {
        try withStateDirectory { dir in
            let outcomes = Outcomes()
            let start = DispatchSemaphore(value: 0)
            let done = DispatchGroup()
            for worker in 0..<2 {
                done.enter()
                let thread = Thread {
                    defer { done.leave() }
                    start.wait()
                    do {
                        let store = try VerificationStore(directory: dir)
                        try store.updateSettings { $0.lockoutDenials = 100; $0.lockoutResetMinutes = 43_200 }
                        for k in 0..<Self.callsPerWorker {
                            var record = signIn("shared@contoso.com", at: t0, result: .timedOut, detail: .noResponse)
                            record.maskedNumber = "w\(worker)-\(k)"
                            var call = CallOutcomeRecord(signIn: record, user: user("shared@contoso.com"))
                            if k % 21 == 0 { call.denialTimes = [t0] }  // 48 per worker, 96 in all: below 100
                            if k % 10 == 0 { call.emails = [OutboxDraft(to: "sec@contoso.com", subject: "s", body: "b")] }
                            try store.recordCall(call)
                        }
                    } catch {
                        outcomes.record(error)
                    }
                }
                thread.start()
            }
            start.signal()
            start.signal()
            done.wait()

            #expect(outcomes.all == [])
            let store = try VerificationStore(directory: dir)
            #expect(try store.signInCount() == 2 * Self.callsPerWorker)
            let state = try store.lockoutState(user: user("shared@contoso.com"))
            #expect(state.denials == 2 * 48)
            #expect(state.lockedUntil == nil)
            #expect(try store.outbox().count == 2 * 100)
            // Each worker's records are in its own order.
            let log = try store.signInLog()
            for worker in 0..<2 {
                let mine = log.map(\.maskedNumber).filter { $0.hasPrefix("w\(worker)-") }
                #expect(mine == (0..<Self.callsPerWorker).map { "w\(worker)-\($0)" })
            }
        }
    }

    /// Eight connections opening one fresh state directory at the same instant all succeed, over
    /// 40 fresh directories: the switch to WAL (which SQLite does not retry by itself) is retried
    /// until one of them made it.
    @Test func manyConnectionsOpeningAFreshDirectoryAtOnce() throws {
        for _ in 0..<40 {
            try withStateDirectory { dir in
                let outcomes = Outcomes()
                let start = DispatchSemaphore(value: 0)
                let done = DispatchGroup()
                for _ in 0..<8 {
                    done.enter()
                    Thread {
                        defer { done.leave() }
                        start.wait()
                        do {
                            _ = try VerificationStore(directory: dir).loadSettings()
                        } catch {
                            outcomes.record(error)
                        }
                    }.start()
                }
                for _ in 0..<8 { start.signal() }
                done.wait()
                #expect(outcomes.all == [])
                let mode = try VerificationStore(directory: dir).db.query("PRAGMA journal_mode") { $0.text(0) }
                #expect(mode == ["wal"])
            }
        }
    }
}
