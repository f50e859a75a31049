import Foundation
import Testing

/// The command-line contract of SPEC §10, checked against the real `ivr` executable: exit codes
/// 0/1/2, the JSON keys acceptance checks read, and "a rejected input changes nothing".
@Suite("ivr command-line contract")
struct CLIContractTests {
    /// The keys SPEC §10 and issue 8 promise on every `ivr call --json` line.
    static let callKeys = ["result", "detail", "callerId", "prompts", "digitsSent", "notifications", "transcript"]

    @Test("a valid script exits 0 and prints one JSON object per call with the contract keys")
    func validCallJSON() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        var extensionCall = CallScriptText.confirm("alice@contoso.com", at: "2026-11-25T10:00:00Z")
        extensionCall.phone = "+1 425 555 0100 x1234"
        extensionCall.actions = ["listen", "press #", "listen", "press #", "listen"]
        let scripts = [
            try CallScriptText.confirm("alice@contoso.com", at: "2026-11-25T10:00:00Z").write(in: dir.url, as: "one"),
            try extensionCall.write(in: dir.url, as: "two"),
        ]
        let ran = IVRProcess.run(["call", "--json"] + scripts.map(\.path), state: state)
        #expect(ran.exitCode == 0, "\(ran.stderr)")
        #expect(ran.stderr.isEmpty)
        let reports = try ran.jsonLines()
        try #require(reports.count == 2)
        for report in reports {
            for key in Self.callKeys { #expect(report[key] != nil, "missing key \(key)") }
            #expect(report["result"] as? String == "verified")
            #expect(report["detail"] as? String == "MFA successfully completed")
            let callerID = try #require(report["callerId"] as? String)
            #expect(callerID.wholeMatch(of: /\+1[2-9]\d{9}/) != nil, "caller ID \(callerID) is not E.164")
            #expect(report["notifications"] as? Int == 0)
            #expect((report["transcript"] as? [Any])?.isEmpty == false)
            let prompts = try #require(report["prompts"] as? [[String: Any]])
            #expect(!prompts.isEmpty)
            for prompt in prompts {
                #expect(prompt["type"] is String)
                #expect(prompt["language"] as? String == "en-US")
                #expect(prompt["source"] as? String == "default")
            }
            #expect(prompts.last?["type"] as? String == "authentication-successful")
        }
        #expect(reports[0]["digitsSent"] as? String == "")
        #expect(reports[1]["digitsSent"] as? String == "1234")
        let firstTypes = (reports[0]["prompts"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
        #expect(firstTypes == ["fraud-greeting-standard", "authentication-successful"])
    }

    @Test("the human transcript exits 0 and names the result")
    func humanTranscript() throws {
        let dir = try TemporaryDirectory()
        let script = try CallScriptText.confirm("alice@contoso.com").write(in: dir.url, as: "one")
        let ran = IVRProcess.run(["call", script.path], state: dir.url.appendingPathComponent("state"))
        #expect(ran.exitCode == 0)
        #expect(ran.stdout.contains("verified"))
        #expect(ran.stdout.contains("MFA successfully completed"))
    }

    @Test("a call that is never placed (blocked user) still carries every contract key, callerId null")
    func notPlacedCallKeys() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["users", "block", "bob@contoso.com", "--reason", "test"], state: state).exitCode == 0)
        let script = try CallScriptText.confirm("bob@contoso.com").write(in: dir.url, as: "blocked")
        let report = try #require(try IVRProcess.calls([script], state: state).first)
        #expect(report["result"] as? String == "blocked")
        #expect((report["prompts"] as? [Any])?.isEmpty == true)
        #expect(report["digitsSent"] as? String == "")
        #expect(report["notifications"] as? Int == 0)
        for key in Self.callKeys { #expect(report[key] != nil, "missing key \(key)") }
        #expect(report["callerId"] is NSNull)
    }

    @Test("a script that does not parse exits 1, names file:line, and records nothing")
    func unparsableScript() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let bad = try dir.write("user bob@contoso.com\nphone +14255550100\nbogus line\nanswer\n", to: "bad.call")
        let ran = IVRProcess.run(["call", "--json", bad.path], state: state)
        #expect(ran.exitCode == 1)
        #expect(ran.stdout.isEmpty)
        #expect(ran.stderr.contains("\(bad.path):3"), "stderr: \(ran.stderr)")
        #expect(try IVRProcess.log(state).isEmpty)

        // One bad script among good ones: the good ones run, the bad one is skipped, exit 1.
        let good = try CallScriptText.confirm("carol@contoso.com").write(in: dir.url, as: "good")
        let mixed = IVRProcess.run(["call", "--json", good.path, bad.path, good.path], state: state)
        #expect(mixed.exitCode == 1)
        #expect(try mixed.jsonLines().count == 2)
        #expect(mixed.stderr.contains("\(bad.path):3"))
        #expect(try IVRProcess.log(state).count == 2)
    }

    @Test("a missing script file exits 1 and records nothing")
    func missingScript() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let ran = IVRProcess.run(["call", dir.url.appendingPathComponent("nope.call").path], state: state)
        #expect(ran.exitCode == 1)
        #expect(ran.stderr.contains("nope.call"))
        #expect(try IVRProcess.log(state).isEmpty)
    }

    @Test(
        "usage errors exit 2",
        arguments: [
            ["frobnicate"], ["call", "--frob", "x.call"], ["call"], ["settings"], ["settings", "frob"],
            ["settings", "set", "fraud.allow"], ["users", "block"], ["log", "--limit"], ["--nope", "log"],
            ["greetings", "add", "x.wav"], ["outbox", "extra"], ["caller-id"], ["prompts", "--deliver"],
        ])
    func usageErrors(_ args: [String]) throws {
        let dir = try TemporaryDirectory()
        let ran = IVRProcess.run(args, state: dir.url.appendingPathComponent("state"))
        #expect(ran.exitCode == 2, "ivr \(args.joined(separator: " ")) exited \(ran.exitCode): \(ran.stderr)")
        #expect(!ran.stderr.isEmpty)
    }

    @Test("help exits 0")
    func help() throws {
        let dir = try TemporaryDirectory()
        for args in [["help"], ["--help"], ["-h"]] {
            let ran = IVRProcess.run(args, state: dir.url)
            #expect(ran.exitCode == 0)
            #expect(ran.stdout.contains("caller-id check"))
        }
    }

    @Test("caller-id check: valid numbers exit 0, any invalid one exits 1; JSON has input, valid, e164, reason")
    func callerIDCheck() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let valid = IVRProcess.run(["caller-id", "check", "--json", "+1 (866) 539 4191", "866-539-4191"], state: state)
        #expect(valid.exitCode == 0)
        for object in try valid.jsonLines() {
            #expect(Set(object.keys).isSuperset(of: ["input", "valid", "e164", "reason"]))
            #expect(object["valid"] as? Bool == true)
            #expect(object["e164"] as? String == "+18665394191")
            #expect(object["reason"] is NSNull)
        }

        let mixed = IVRProcess.run(["caller-id", "check", "--json", "+18665394191", "+14165550123", "1-800-FLOWERS"], state: state)
        #expect(mixed.exitCode == 1)
        let objects = try mixed.jsonLines()
        try #require(objects.count == 3)
        #expect(objects[0]["valid"] as? Bool == true)
        for rejected in objects.dropFirst() {
            #expect(Set(rejected.keys).isSuperset(of: ["input", "valid", "e164", "reason"]))
            #expect(rejected["valid"] as? Bool == false)
            #expect(rejected["e164"] is NSNull)
            #expect((rejected["reason"] as? String)?.isEmpty == false)
        }
        #expect(objects[1]["input"] as? String == "+14165550123")
    }

    @Test(
        "settings set with a good value exits 0 and settings show reflects it",
        arguments: [
            ("call.attempts", "4", "4"), ("fraud.code", "19", "19"), ("fraud.allow", "off", "off"),
            ("lockout.denials", "7", "7"), ("caller-id", "866-539-4191", "+18665394191"),
            ("product-name", "Contoso Verify", "Contoso Verify"), ("call.ring-timeout", "120", "120"),
        ])
    func settingsSetGood(_ key: String, _ value: String, _ shown: String) throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let before = try IVRProcess.settings(state)
        let set = IVRProcess.run(["settings", "set", key, value], state: state)
        #expect(set.exitCode == 0, "\(set.stderr)")
        var expected = before
        expected[key] = shown
        #expect(try IVRProcess.settings(state) == expected)
    }

    @Test(
        "settings set with a bad value exits 1, names the key, and changes nothing",
        arguments: [
            ("call.attempts", "0"), ("call.attempts", "11"), ("fraud.code", "1#"), ("fraud.code", "123456789"),
            ("caller-id", "+14165550123"), ("caller-id", "+1 900 555 0100"), ("fraud.allow", "maybe"),
            ("lockout.denials", "0"), ("lockout.reset-minutes", "43201"), ("call.max-digits", "33"),
            ("call.ring-timeout", "4"), ("no.such-key", "1"), ("notifications.emails", "not-an-address"),
        ])
    func settingsSetBad(_ key: String, _ value: String) throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        // A non-default value first, so "unchanged" cannot be confused with "reset to default".
        #expect(IVRProcess.run(["settings", "set", "product-name", "Before"], state: state).exitCode == 0)
        let before = try IVRProcess.settings(state)
        let set = IVRProcess.run(["settings", "set", key, value], state: state)
        #expect(set.exitCode == 1, "settings set \(key) \(value) exited \(set.exitCode)")
        #expect(set.stderr.contains(key), "stderr does not name the key: \(set.stderr)")
        #expect(try IVRProcess.settings(state) == before)
    }

    @Test("users block makes the next call `blocked` with no call placed; unblock lets it through")
    func blockAndUnblock() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let script = try CallScriptText.confirm("dave@contoso.com").write(in: dir.url, as: "dave")

        #expect(IVRProcess.run(["users", "block", "dave@contoso.com", "--reason", "lost phone"], state: state).exitCode == 0)
        let listed = IVRProcess.run(["users", "list", "--json"], state: state)
        #expect(listed.stdout.contains("dave@contoso.com"))
        let blocked = try #require(try IVRProcess.calls([script], state: state).first)
        #expect(blocked["result"] as? String == "blocked")
        #expect(blocked["detail"] as? String == "MFA denied; user is blocked")
        #expect((blocked["prompts"] as? [Any])?.isEmpty == true)

        #expect(IVRProcess.run(["users", "unblock", "dave@contoso.com", "--reason", "found it"], state: state).exitCode == 0)
        let through = try #require(try IVRProcess.calls([script], state: state).first)
        #expect(through["result"] as? String == "verified")

        let results = try IVRProcess.log(state).compactMap { $0["result"] as? String }
        #expect(results == ["blocked", "verified"])
    }

    @Test("users block refuses a malformed user name or an empty reason with exit 1")
    func blockBadInput() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["users", "block", "not a user", "--reason", "x"], state: state).exitCode == 1)
        #expect(IVRProcess.run(["users", "block", "eve@contoso.com", "--reason", "  "], state: state).exitCode == 1)
        let listed = IVRProcess.run(["users", "list", "--json"], state: state)
        #expect(listed.exitCode == 0)
        #expect(listed.lines.isEmpty)
    }

    @Test("prompts --json lists the 18 message types of SPEC §3")
    func promptsList() throws {
        let dir = try TemporaryDirectory()
        let ran = IVRProcess.run(["prompts", "--json"], state: dir.url.appendingPathComponent("state"))
        #expect(ran.exitCode == 0)
        let types = try ran.jsonLines().compactMap { $0["type"] as? String }
        let expected: Set = [
            "authentication-successful", "extension-prompt", "fraud-confirmation", "fraud-greeting-standard",
            "fraud-reported", "activation", "authentication-denied-retry", "retry-standard", "greeting-standard",
            "greeting-pin", "fraud-greeting-pin", "retry-pin", "extension-prompt-after-digits",
            "authentication-denied", "activation-greeting-standard", "activation-retry-standard",
            "activation-greeting-pin", "extension-prompt-before-digits",
        ]
        #expect(types.count == 18)
        #expect(Set(types) == expected)
    }

    @Test("greetings validate on a text file exits 1 with reasons")
    func greetingsValidateText() throws {
        let dir = try TemporaryDirectory()
        let text = try dir.write("this is not audio\n", to: "greeting.wav")
        let ran = IVRProcess.run(["greetings", "validate", "--json", text.path], state: dir.url.appendingPathComponent("state"))
        #expect(ran.exitCode == 1)
        let report = try #require(try ran.jsonLines().first)
        #expect(Set(report.keys).isSuperset(of: ["file", "accepted", "format", "durationSeconds", "sizeBytes", "reasons"]))
        #expect(report["accepted"] as? Bool == false)
        #expect(report["format"] is NSNull)
        #expect((report["reasons"] as? [String])?.isEmpty == false)

        let human = IVRProcess.run(["greetings", "validate", text.path], state: dir.url.appendingPathComponent("state"))
        #expect(human.exitCode == 1)
        #expect(human.stdout.contains("text"))
    }

    @Test("greetings validate accepts a 2 s WAV and greetings add stores it")
    func greetingsAddWAV() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let wav = dir.url.appendingPathComponent("hello.wav")
        try WAVFile.silence(seconds: 2).write(to: wav)
        let validated = IVRProcess.run(["greetings", "validate", "--json", wav.path], state: state)
        #expect(validated.exitCode == 0, "\(validated.stdout)")
        let report = try #require(try validated.jsonLines().first)
        #expect(report["accepted"] as? Bool == true)
        #expect(report["format"] as? String == "wav")
        #expect(abs((report["durationSeconds"] as? Double ?? 0) - 2) < 0.001)

        let added = IVRProcess.run(["greetings", "add", "--type", "greeting-standard", "--language", "de-DE", wav.path], state: state)
        #expect(added.exitCode == 0, "\(added.stderr)")
        let listed = try IVRProcess.run(["greetings", "list", "--json"], state: state).jsonLines()
        #expect(listed.count == 1)
        #expect(listed.first?["type"] as? String == "greeting-standard")
        #expect(listed.first?["language"] as? String == "de-DE")

        // A German user on a standard call with fraud alerts off hears the custom greeting.
        #expect(IVRProcess.run(["settings", "set", "fraud.allow", "off"], state: state).exitCode == 0)
        var german = CallScriptText.confirm("hans@contoso.com")
        german.language = "de-AT"
        let script = try german.write(in: dir.url, as: "de")
        let call = try #require(try IVRProcess.calls([script], state: state).first)
        let first = try #require((call["prompts"] as? [[String: Any]])?.first)
        #expect(first["type"] as? String == "greeting-standard")
        #expect(first["language"] as? String == "de-DE")
        #expect(first["source"] as? String == "custom")
    }

    @Test("log --json has one record per call, with a masked number")
    func logRecords() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let scripts = [
            try CallScriptText.confirm("alice@contoso.com").write(in: dir.url, as: "a"),
            try CallScriptText.fraud("bob@contoso.com").write(in: dir.url, as: "b"),
            try CallScriptText(user: "carol@contoso.com", language: nil, actions: ["hangup"]).write(in: dir.url, as: "c"),
        ]
        let reports = try IVRProcess.calls(scripts, state: state)
        let log = try IVRProcess.log(state)
        #expect(log.count == 3)
        #expect(log.compactMap { $0["user"] as? String } == ["alice@contoso.com", "bob@contoso.com", "carol@contoso.com"])
        #expect(log.compactMap { $0["result"] as? String } == reports.compactMap { $0["result"] as? String })
        #expect(log.compactMap { $0["result"] as? String } == ["verified", "fraud_reported", "abandoned"])
        for record in log {
            let masked = try #require(record["maskedNumber"] as? String)
            #expect(masked.contains("*"))
            #expect(!masked.contains("4255550"), "number not masked: \(masked)")
        }
        #expect(!IVRProcess.run(["log"], state: state).stdout.contains("4255550100"))
        // --user filters, --limit limits.
        #expect(try IVRProcess.run(["log", "--json", "--user", "bob@contoso.com"], state: state).jsonLines().count == 1)
        #expect(try IVRProcess.run(["log", "--json", "--limit", "2"], state: state).jsonLines().count == 2)
    }
}
