import Foundation
import Testing

/// Settings changed with `ivr settings set` and blocks set with `ivr users block` take effect in the
/// next `ivr call` process (SPEC §5, §6, §7): the state directory is the only channel between them.
@Suite("settings and blocks reach the next call")
struct SettingsEffectTests {
    @Test("a configured caller ID is the one calls come from")
    func configuredCallerID() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["settings", "set", "caller-id", "+1 (212) 555-0142"], state: state).exitCode == 0)
        let script = try CallScriptText.confirm("alice@contoso.com").write(in: dir.url, as: "a")
        let report = try #require(try IVRProcess.calls([script], state: state).first)
        #expect(report["callerId"] as? String == "+12125550142")
        #expect(try IVRProcess.log(state).first?["callerId"] as? String == "+12125550142")
    }

    @Test("not configured: calls come from one of the three default numbers")
    func defaultCallerIDs() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let scripts = try (0..<6).map { try CallScriptText.confirm("u\($0)@contoso.com").write(in: dir.url, as: "c\($0)") }
        let defaults: Set = ["+18665394191", "+18553308653", "+18776686536"]
        for report in try IVRProcess.calls(scripts, state: state) {
            let callerID = try #require(report["callerId"] as? String)
            #expect(defaults.contains(callerID))
        }
    }

    @Test("fraud with auto-block off: Fraud reported plays and the user is not blocked")
    func fraudWithoutAutoBlock() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["settings", "set", "fraud.auto-block", "off"], state: state).exitCode == 0)
        let script = try CallScriptText.fraud("mallory@contoso.com").write(in: dir.url, as: "fraud")
        let reports = try IVRProcess.calls([script, script], state: state)
        for report in reports {
            #expect(report["result"] as? String == "fraud_reported")
            let types = (report["prompts"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
            #expect(types == ["fraud-greeting-standard", "fraud-reported"])
        }
        #expect(try IVRProcess.run(["users", "list", "--json"], state: state).jsonLines().isEmpty)
    }

    @Test("fraud with auto-block on: Fraud confirmation plays, the user is blocked, the next call is `blocked`")
    func fraudWithAutoBlock() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let script = try CallScriptText.fraud("mallory@contoso.com").write(in: dir.url, as: "fraud")
        let reports = try IVRProcess.calls([script, script], state: state)
        try #require(reports.count == 2)
        let types = (reports[0]["prompts"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
        #expect(types == ["fraud-greeting-standard", "fraud-confirmation"])
        #expect(reports[1]["result"] as? String == "blocked")
        let blocks = try IVRProcess.run(["users", "list", "--json"], state: state).jsonLines()
        #expect(blocks.count == 1)
    }

    @Test("fraud alerts off: the fraud code is just a wrong entry and the greeting has no fraud sentence")
    func fraudAlertsOff() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["settings", "set", "fraud.allow", "off"], state: state).exitCode == 0)
        let script = try CallScriptText.fraud("mallory@contoso.com").write(in: dir.url, as: "fraud")
        let report = try #require(try IVRProcess.calls([script], state: state).first)
        #expect(report["result"] as? String != "fraud_reported")
        #expect((report["prompts"] as? [[String: Any]])?.first?["type"] as? String == "greeting-standard")
    }

    @Test("a configured fraud code is spoken by the default greeting and honoured")
    func configuredFraudCode() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["settings", "set", "fraud.code", "19"], state: state).exitCode == 0)
        var script = CallScriptText.fraud("mallory@contoso.com")
        script.actions = ["listen", "press 19#", "listen"]
        let report = try #require(try IVRProcess.calls([try script.write(in: dir.url, as: "fraud")], state: state).first)
        #expect(report["result"] as? String == "fraud_reported")
        let greeting = (report["transcript"] as? [[String: Any]])?.first { $0["event"] as? String == "play" }
        #expect((greeting?["text"] as? String)?.contains("one, nine") == true)
    }

    @Test("a block lasts 90 days: a call inside it is `blocked`, a call after it goes through")
    func blockExpires() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["users", "block", "zoe@contoso.com", "--reason", "travel"], state: state).exitCode == 0)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let day = 86_400.0
        let inside = formatter.string(from: Date().addingTimeInterval(89 * day))
        let after = formatter.string(from: Date().addingTimeInterval(91 * day))
        let scripts = [
            try CallScriptText.confirm("zoe@contoso.com", at: inside).write(in: dir.url, as: "inside"),
            try CallScriptText.confirm("zoe@contoso.com", at: after).write(in: dir.url, as: "after"),
        ]
        let results = try IVRProcess.calls(scripts, state: state).compactMap { $0["result"] as? String }
        #expect(results == ["blocked", "verified"])
    }

    @Test("a call-timing setting reaches the call: with call.attempts 1, one wrong entry ends the call")
    func attemptsSetting() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["settings", "set", "call.attempts", "1"], state: state).exitCode == 0)
        var script = CallScriptText.confirm("alice@contoso.com")
        script.actions = ["listen", "press 5#", "listen"]
        let report = try #require(try IVRProcess.calls([try script.write(in: dir.url, as: "a")], state: state).first)
        #expect(report["result"] as? String == "denied")
        #expect(report["detail"] as? String == "MFA denied; invalid input")
        let types = (report["prompts"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
        #expect(types == ["fraud-greeting-standard", "authentication-denied"])
    }
}
