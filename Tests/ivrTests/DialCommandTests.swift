import Foundation
import LiveCallTestSupport
import Testing

/// `ivr dial` end to end: the real binary places a live call to `sipp` on loopback (SPEC §15).
@Suite(.serialized)
struct DialCommandTests {
    /// Starts sipp as the trunk with `scenario` and points the state's `sip.*` settings at it.
    static func trunk(_ scenario: String, in dir: TemporaryDirectory, state: URL) throws -> SippCallee {
        let callee = try SippCallee(scenario, directory: dir.url)
        for (key, value) in callee.settings {
            let set = IVRProcess.run(["settings", "set", key, value], state: state)
            if set.exitCode != 0 { throw CocoaError(.featureUnsupported) }
        }
        Thread.sleep(forTimeInterval: 0.3)
        return callee
    }

    @Test func aBusyCalleeIsNotAnsweredWithItsStatusInTheLog() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let sipp = try Self.trunk(SippScenario.busy, in: dir, state: state)
        defer { withExtendedLifetime(sipp) {} }  // sipp runs until here; SippCallee then ends it
        let ran = IVRProcess.run(["--json", "dial", "bob@contoso.com", "--phone", "+1 425 555 0100"], state: state)
        #expect(ran.exitCode == 0, "\(ran.stderr)")
        let report = try #require(try ran.jsonLines().first)
        #expect(report["result"] as? String == "not_answered")
        #expect(report["sipStatus"] as? Int == 486)
        let log = try #require(try IVRProcess.run(["--json", "log"], state: state).jsonLines().last)
        #expect(log["result"] as? String == "not_answered")
        #expect(log["sipStatus"] as? Int == 486)
        #expect((log["sipFailure"] as? String)?.contains("486") == true)
    }


    @Test func withoutATrunkDialExits1() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let ran = IVRProcess.run(["dial", "alice@contoso.com", "--phone", "+1 425 555 0100"], state: state)
        #expect(ran.exitCode == 1)
        #expect(ran.stderr.contains("no SIP trunk"))
        #expect(IVRProcess.run(["log"], state: state).stdout.contains("empty"))
        // --activation is one of dial's options: refused for the missing trunk, not as an option.
        let activation = IVRProcess.run(["dial", "alice@contoso.com", "--phone", "+1 425 555 0100", "--activation"], state: state)
        #expect(activation.exitCode == 1 && activation.stderr.contains("no SIP trunk"), "\(activation.stderr)")
    }

    @Test func aFraudReportOnALiveCallSendsItsAlertWhenTheCallEnds() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let mail = dir.url.appendingPathComponent("mail.txt")
        let sipp = try Self.trunk(SippScenario.answer(keying: ["0#"]), in: dir, state: state)
        defer { withExtendedLifetime(sipp) {} }  // sipp runs until here; SippCallee then ends it
        for (key, value) in [("notifications.emails", "soc@contoso.com"), ("notifications.command", "cat >> '\(mail.path)'")] {
            try #require(IVRProcess.run(["settings", "set", key, value], state: state).exitCode == 0)
        }
        let ran = IVRProcess.run(["--json", "dial", "alice@contoso.com", "--phone", "+1 425 555 0100"], state: state)
        #expect(ran.exitCode == 0, "\(ran.stderr)")
        #expect(try ran.jsonLines().first?["result"] as? String == "fraud_reported", "\(ran.stdout)")
        let sent = (try? String(contentsOf: mail, encoding: .utf8)) ?? ""
        #expect(sent.contains("To: soc@contoso.com"), "\(sent)")
        #expect(sent.contains("alice@contoso.com"))
    }

    @Test func aLiveCallIsRecordedLikeASimulatedOne() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let sipp = try SippCallee(SippScenario.answer(keying: ["#"]), directory: dir.url)
        defer { withExtendedLifetime(sipp) {} }  // sipp runs until here; SippCallee then ends it
        for (key, value) in sipp.settings + [
            ("sip.username", "ivr"), ("sip.password", "Tr0ub4dor-secret"), ("call.response-timeout", "5"),
        ] {
            let set = IVRProcess.run(["settings", "set", key, value], state: state)
            try #require(set.exitCode == 0, "\(set.stderr)")
        }
        Thread.sleep(forTimeInterval: 0.3)
        let ran = IVRProcess.run(["--json", "dial", "alice@contoso.com", "--phone", "+1 425 555 0100"], state: state)
        #expect(ran.exitCode == 0, "\(ran.stderr)")
        let report = try #require(try ran.jsonLines().first)
        #expect(report["result"] as? String == "verified", "\(ran.stdout)")
        #expect((report["sipCallId"] as? String)?.isEmpty == false)
        #expect((report["prompts"] as? [[String: Any]])?.compactMap { $0["type"] as? String } == ["fraud-greeting-standard", "authentication-successful"])
        let log = IVRProcess.run(["log"], state: state)
        #expect(log.stdout.contains("verified"))

        // The trunk password is in no output and no database byte.
        let shown = IVRProcess.run(["settings", "show"], state: state)
        for text in [ran.stdout, ran.stderr, shown.stdout, log.stdout] { #expect(!text.contains("Tr0ub4dor")) }
        for file in try FileManager.default.contentsOfDirectory(at: state, includingPropertiesForKeys: nil) {
            let bytes = (try? Data(contentsOf: file)) ?? Data()
            #expect(bytes.range(of: Data("Tr0ub4dor".utf8)) == nil, "\(file.lastPathComponent)")
        }
    }
}
