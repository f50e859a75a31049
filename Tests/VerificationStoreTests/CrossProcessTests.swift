#if os(Linux)
import Foundation
import Testing
import VoiceCall
@testable import VerificationStore

/// Real processes against one state directory (this test binary started again as a worker, see
/// `StoreWorker`). Linux only: it finds its own binary through `/proc/self/exe`.
@Suite(.enabled(if: WorkerJob.current == nil)) struct CrossProcessTests {
    /// SPEC §12: two processes, 1,000 calls each, at once → 2,000 records, the right counter, no
    /// "database is locked".
    @Test func twoProcessesRecordingAtOnceLoseNothing() throws {
        try withStateDirectory { dir in
            let setup = try VerificationStore(directory: dir)
            try setup.updateSettings { $0.lockoutDenials = 100; $0.lockoutResetMinutes = 43_200 }
            let workers = try (0..<2).map { try StoreWorker.spawn(.record, id: $0, dir: dir, calls: 1_000) }
            for (id, worker) in workers.enumerated() {
                worker.waitUntilExit()
                #expect(worker.terminationStatus == 0, "worker \(id) failed:\n\(StoreWorker.output(id: id, dir: dir))")
                #expect(!StoreWorker.output(id: id, dir: dir).contains("database is locked"))
            }
            #expect(try setup.signInCount() == 2_000)
            #expect(try setup.lockoutState(user: user("shared@contoso.com")).denials == 96)
            #expect(try setup.outbox().count == 200)
        }
    }

    /// SPEC §13: a process killed with SIGKILL in the middle of recording calls, changing settings and
    /// replacing a greeting leaves every one of them as before or after, never half-written.
    @Test func killedWorkerLeavesConsistentState() throws {
        try withStateDirectory { dir in
            let observer = try VerificationStore(directory: dir)
            for round in 1...3 {
                let before = try observer.signInCount()
                let worker = try StoreWorker.spawn(.churn, id: round, dir: dir)
                // Let it get well into its loop, then kill it wherever it is.
                while try observer.signInCount() < before + 40 * round, worker.isRunning {
                    usleep(2_000)
                }
                #expect(worker.isRunning, "worker ended early:\n\(StoreWorker.output(id: round, dir: dir))")
                kill(worker.processIdentifier, SIGKILL)
                worker.waitUntilExit()
                #expect(worker.terminationReason == .uncaughtSignal)

                let store = try VerificationStore(directory: dir)  // a fresh connection after the crash
                #expect(try store.db.query("PRAGMA integrity_check") { $0.text(0) } == ["ok"])
                // Call and e-mail commit together.
                #expect(try store.signInCount() == store.outbox().count)
                // Settings change together.
                let settings = try store.loadSettings()
                #expect(settings.ringTimeout == settings.attempts + 4)
                // The catalog's greeting is complete.
                let greetings = try store.greetings()
                #expect(greetings.count == 1)
                for greeting in greetings {
                    let bytes = try Data(contentsOf: store.greetingFileURL(greeting))
                    #expect(bytes.count == greeting.sizeBytes)
                    #expect(bytes.allSatisfy { $0 == UInt8(greeting.sizeBytes % 251) })
                }
                // Whatever the crash left over is an unreferenced file, and the sweep removes it.
                try store.sweepOrphans(now: Date().addingTimeInterval(86_400))
                let left = try FileManager.default.contentsOfDirectory(atPath: store.greetingsDirectory.path)
                #expect(left.sorted() == greetings.map(\.fileName).sorted())
            }
        }
    }
}
#endif
