import Foundation
import Testing

/// SPEC §2: "PINs never appear in logs, transcripts or JSON". The PIN (and every wrong PIN keyed in)
/// is searched for in everything `ivr` prints and in the raw bytes of every file of the state
/// directory, SQLite database included.
@Suite("PINs never leave the call")
struct PINSecrecyTests {
    /// Unusual digit strings that appear nowhere else: no timestamp, number or path used here holds them.
    static let pin = "9731"
    static let wrongPIN = "8642"

    @Test("no PIN or wrong PIN appears in stdout, stderr, the log, the outbox or the database files")
    func pinNeverShown() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["settings", "set", "notifications.emails", "sec@example.com"], state: state).exitCode == 0)
        let scripts = [
            // Right PIN at once.
            try CallScriptText.pin("alice@contoso.com", pin: Self.pin, entries: [Self.pin], at: "2026-11-25T10:00:00Z")
                .write(in: dir.url, as: "right"),
            // Wrong, then right.
            try CallScriptText.pin("alice@contoso.com", pin: Self.pin, entries: [Self.wrongPIN, Self.pin], at: "2026-11-25T10:05:00Z")
                .write(in: dir.url, as: "wrong-then-right"),
            // Wrong three times: denied.
            try CallScriptText.pin("bob@contoso.com", pin: Self.pin, entries: [Self.wrongPIN, Self.wrongPIN, Self.wrongPIN],
                                   at: "2026-11-25T10:10:00Z").write(in: dir.url, as: "denied"),
            // Wrong PIN, then the fraud code: a fraud mail is queued.
            try CallScriptText.pin("carol@contoso.com", pin: Self.pin, entries: [Self.wrongPIN, "0"], at: "2026-11-25T10:15:00Z")
                .write(in: dir.url, as: "fraud"),
        ]
        var outputs: [IVRProcess.Result] = []
        outputs.append(IVRProcess.run(["call", "--json"] + scripts.map(\.path), state: state))
        outputs.append(IVRProcess.run(["call"] + scripts.map(\.path), state: state))
        let reports = try outputs[0].jsonLines()
        #expect(reports.compactMap { $0["result"] as? String } == ["verified", "verified", "denied", "fraud_reported"])
        for args in [["log"], ["log", "--json"], ["outbox"], ["outbox", "--json"], ["users", "list", "--json"]] {
            outputs.append(IVRProcess.run(args, state: state))
        }
        #expect(outputs.allSatisfy { $0.exitCode == 0 })
        #expect(try IVRProcess.log(state).count == 8)

        // The outbox mail carries random Message-IDs, which could hold the digits by pure chance;
        // those occurrences are the only ones allowed.
        let outbox = try IVRProcess.run(["outbox", "--json"], state: state).jsonLines()
        #expect(outbox.count == 1)  // the second run finds carol blocked by her fraud report
        let messageIDs = outbox.compactMap { ($0["body"] as? String)?.firstMatch(of: /Message-ID: <[^>]*>/).map { String($0.output) } }
        for secret in [Self.pin, Self.wrongPIN] {
            let allowed = messageIDs.reduce(0) { $0 + Self.count(of: secret, in: Data($1.utf8)) }
            for output in outputs {
                #expect(Self.count(of: secret, in: Data(output.stderr.utf8)) == 0, "a PIN is on stderr")
                #expect(Self.count(of: secret, in: Data(output.stdout.utf8)) <= allowed, "a PIN is on stdout")
            }
            let files = FileManager.default.enumerator(at: state, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
            #expect(files.contains { $0.lastPathComponent == "ivr.sqlite" })
            for file in files {
                guard let bytes = try? Data(contentsOf: file) else { continue }
                #expect(Self.count(of: secret, in: bytes) <= allowed, "a PIN is in \(file.lastPathComponent)")
            }
        }
    }

    /// Occurrences of an ASCII string in raw bytes.
    static func count(of needle: String, in haystack: Data) -> Int {
        let pattern = Data(needle.utf8)
        var count = 0
        var start = haystack.startIndex
        while let found = haystack.range(of: pattern, in: start..<haystack.endIndex) {
            count += 1
            start = found.upperBound
        }
        return count
    }
}
