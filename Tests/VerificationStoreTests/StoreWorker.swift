import Foundation
import Testing
import VoiceCall
@testable import VerificationStore

/// What a worker process does, chosen by the parent test through the environment.
enum WorkerJob: String {
    /// Record `IVR_STORE_WORKER_CALLS` calls against the shared user, then exit.
    case record
    /// Record calls, change settings and replace a greeting in a loop until killed.
    case churn

    static let directoryVariable = "IVR_STORE_WORKER_DIR"
    static let jobVariable = "IVR_STORE_WORKER_JOB"
    static let idVariable = "IVR_STORE_WORKER_ID"
    static let callsVariable = "IVR_STORE_WORKER_CALLS"

    static var current: WorkerJob? {
        ProcessInfo.processInfo.environment[jobVariable].flatMap(WorkerJob.init(rawValue:))
    }
}

/// The body of a child process the cross-process tests start by running this same test binary
/// filtered to this suite. Skipped in an ordinary test run (no worker environment).
@Suite struct StoreWorker {
    @Test(.enabled(if: WorkerJob.current != nil, "runs only as a child process of the cross-process tests"))
    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let dir = URL(fileURLWithPath: try #require(env[WorkerJob.directoryVariable]))
        let id = env[WorkerJob.idVariable] ?? "0"
        let store = try VerificationStore(directory: dir)
        switch try #require(WorkerJob.current) {
        case .record:
            let calls = Int(env[WorkerJob.callsVariable] ?? "") ?? 1_000
            for k in 0..<calls {
                try store.recordCall(StoreWorker.sharedUserCall(worker: id, k: k))
            }
        case .churn:
            let source = dir.appendingPathComponent("source-\(id).bin")
            for k in 0..<1_000_000 {
                // One call: a log line and an e-mail in the same transaction.
                var call = wrongPINCall("churn@contoso.com", at: t0.addingTimeInterval(Double(k)))
                call.emails = [OutboxDraft(to: "sec@contoso.com", subject: "k\(k)", body: "b")]
                try store.recordCall(call)
                // Two settings that must always change together.
                try store.updateSettings { $0.attempts = k % 10 + 1; $0.ringTimeout = k % 10 + 5 }
                // A greeting whose bytes all equal its size modulo 251.
                let size = 1_000 + k % 97
                try Data(repeating: UInt8(size % 251), count: size).write(to: source)
                try store.addGreeting(
                    type: .greetingPIN, language: "en-US", sourceFile: source, format: "wav", durationSeconds: 1,
                    sizeBytes: size, at: t0)
            }
        }
    }

    /// Call `k` of worker `worker` against the shared user: a denial on every 21st call, an e-mail on
    /// every 10th.
    static func sharedUserCall(worker: String, k: Int) -> CallOutcomeRecord {
        var record = signIn("shared@contoso.com", at: t0, result: .timedOut, detail: .noResponse)
        record.maskedNumber = "w\(worker)-\(k)"
        var call = CallOutcomeRecord(signIn: record, user: user("shared@contoso.com"))
        if k % 21 == 0 { call.denialTimes = [t0] }
        if k % 10 == 0 { call.emails = [OutboxDraft(to: "sec@contoso.com", subject: "s", body: "b")] }
        return call
    }

    /// Starts this test binary as a worker on `dir`; its output goes to a file in `dir`.
    static func spawn(_ job: WorkerJob, id: Int, dir: URL, calls: Int = 0) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        process.arguments = ["--testing-library", "swift-testing", "--filter", "StoreWorker/"]
        var environment = ProcessInfo.processInfo.environment
        environment[WorkerJob.directoryVariable] = dir.path
        environment[WorkerJob.jobVariable] = job.rawValue
        environment[WorkerJob.idVariable] = String(id)
        environment[WorkerJob.callsVariable] = String(calls)
        process.environment = environment
        let log = dir.appendingPathComponent("worker-\(id).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    static func output(id: Int, dir: URL) -> String {
        (try? String(contentsOf: dir.appendingPathComponent("worker-\(id).log"), encoding: .utf8)) ?? ""
    }
}
