import Foundation
import Testing

/// SPEC §12 and issue 6: two `ivr` processes running 1,000 calls each against one state directory at
/// once finish with 2,000 log records, correct lockout counters and no "database is locked" failure.
///
/// The outcome is made independent of how the two processes interleave:
/// - each process has its own lockout users, whose calls it runs in order (denied, then locked out
///   mid-call, then refused unplaced), so their results are fixed;
/// - "shared" users get one wrong PIN per call from both processes (2 + 2 denials, below the
///   threshold of 5 whatever the order); a final call with one more wrong PIN must then lock them —
///   which only happens if no concurrent denial was lost. "Control" users get 1 + 1, so the final
///   wrong PIN (the third) must not lock them — which catches double counting;
/// - one user shared by both processes makes only successful calls.
@Suite("two ivr processes at once", .serialized)
struct TwoProcessesTests {
    static let pin = "9731"
    static let perProcess = 1_000
    static let lockUsers = 10
    static let sharedUsers = 10

    @Test("1,000 calls in each of two processes: 2,000 records, exact lockout counters, no lock errors")
    func twoProcessesAtOnce() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        // Create the database before the race, as an installed system would have it.
        #expect(IVRProcess.run(["settings", "show"], state: state).exitCode == 0)

        let batches = try ["a", "b"].map { try Self.batch($0, in: dir.subdirectory("scripts-\($0)")) }
        let running = try batches.map { try IVRProcess.start(["call", "--json"] + $0.map(\.path), state: state) }
        let results = running.map { $0.finish() }

        for (name, result) in zip(["a", "b"], results) {
            #expect(result.exitCode == 0, "process \(name): \(result.stderr)")
            #expect(!result.stderr.lowercased().contains("locked"), "process \(name): \(result.stderr)")
            #expect(result.stderr.isEmpty, "process \(name): \(result.stderr)")
            let reports = try result.jsonLines()
            #expect(reports.count == Self.perProcess)
            try Self.checkOwnUsers(name, reports)
        }
        let log = try IVRProcess.log(state)
        #expect(log.count == 2 * Self.perProcess)
        let sharedOK = log.filter { $0["user"] as? String == "shared-ok@contoso.com" }
        #expect(sharedOK.count == 200)
        #expect(sharedOK.allSatisfy { $0["result"] as? String == "verified" })
        for k in 0..<Self.sharedUsers {
            let calls = log.filter { $0["user"] as? String == "shared\(k)@contoso.com" }
            #expect(calls.count == 4)
            #expect(calls.allSatisfy { $0["result"] as? String == "abandoned" }, "shared\(k): \(calls.map { $0["result"] ?? "" })")
        }

        // The counters: 4 denials + 1 locks a shared user; 2 + 1 does not lock a control user.
        let finals = try (0..<Self.sharedUsers).flatMap { k in
            [
                try CallScriptText.pin("shared\(k)@contoso.com", pin: Self.pin, entries: ["1111"], at: "2026-11-25T12:08:00Z", hangUp: true)
                    .write(in: dir.url, as: "final-shared\(k)"),
                try CallScriptText.pin("control\(k)@contoso.com", pin: Self.pin, entries: ["1111"], at: "2026-11-25T12:08:00Z", hangUp: true)
                    .write(in: dir.url, as: "final-control\(k)"),
            ]
        }
        let reports = try IVRProcess.calls(finals, state: state)
        try #require(reports.count == finals.count)
        for (index, report) in reports.enumerated() {
            let user = report["user"] as? String ?? "?"
            #expect(report["result"] as? String == (index.isMultiple(of: 2) ? "locked_out" : "abandoned"), "\(user)")
        }
        #expect(try IVRProcess.integrityCheck(state) == "ok")
    }

    /// The lockout users of one process: in its own output, in order, denied → locked_out → locked_out.
    static func checkOwnUsers(_ name: String, _ reports: [[String: Any]]) throws {
        for k in 0..<lockUsers {
            let user = "lock-\(name)\(k)@contoso.com"
            let results = reports.filter { $0["user"] as? String == user }.compactMap { $0["result"] as? String }
            #expect(results == ["denied", "locked_out", "locked_out"], "\(user): \(results)")
        }
    }

    /// One process's 1,000 scripts, shuffled, with each lockout user's three calls kept in order.
    static func batch(_ name: String, in directory: URL) throws -> [URL] {
        var ordered: [[CallScriptText]] = []
        for k in 0..<lockUsers {
            let user = "lock-\(name)\(k)@contoso.com"
            ordered.append([
                .pin(user, pin: pin, entries: ["1111", "2222", "3333"], at: "2026-11-25T12:00:00Z"),
                .pin(user, pin: pin, entries: ["1111", "2222"], at: "2026-11-25T12:02:00Z"),
                .pin(user, pin: pin, entries: [pin], at: "2026-11-25T12:03:00Z"),
            ])
        }
        var single: [CallScriptText] = []
        for k in 0..<sharedUsers {
            for second in 0..<2 {
                let at = CallScriptText.time(second * 60 + k)
                single.append(.pin("shared\(k)@contoso.com", pin: pin, entries: ["1111"], at: at, hangUp: true))
            }
            single.append(.pin("control\(k)@contoso.com", pin: pin, entries: ["2222"], at: CallScriptText.time(k), hangUp: true))
        }
        for index in 0..<100 { single.append(.confirm("shared-ok@contoso.com", at: CallScriptText.time(index))) }
        var index = 0
        while single.count + ordered.count * 3 < perProcess {
            let user = "\(name)-user\(index % 50)@contoso.com"
            single.append(index.isMultiple(of: 3)
                ? .pin(user, pin: pin, entries: [pin], at: CallScriptText.time(index))
                : .confirm(user, at: CallScriptText.time(index)))
            index += 1
        }
        // A random order, except that each lockout user's calls keep theirs.
        var keyed: [(Double, CallScriptText)] = single.map { (Double.random(in: 0..<1), $0) }
        for sequence in ordered {
            let keys = (0..<sequence.count).map { _ in Double.random(in: 0..<1) }.sorted()
            keyed += zip(keys, sequence).map { ($0, $1) }
        }
        keyed.sort { $0.0 < $1.0 }
        return try keyed.enumerated().map { position, item in
            try item.1.write(in: directory, as: String(format: "%@-%04d", name, position))
        }
    }
}
