import Foundation
import LiveCallTestSupport
import Testing

/// `ivr serve` with `sip.trunk` set: a verification without a script is a live call to a real
/// `sipp` callee on 127.0.0.1 (SPEC §15/§16).
@Suite("ivr serve: verifications over SIP", .serialized)
struct SIPVerificationTests {
    /// sipp as the trunk, and the state's `sip.*` settings pointed at it (a 30 s response timer,
    /// so a test's cancel, not the call's timers, ends a silent call).
    static func callee(_ scenario: String, state: URL) throws -> SippCallee {
        let callee = try SippCallee(scenario, directory: state)
        for (key, value) in callee.settings + [("call.response-timeout", "30")] {
            let set = try IVRCommand.run(["settings", "set", key, value], state: state)
            try #require(set.exitCode == 0, "\(set.stderr)")
        }
        Thread.sleep(forTimeInterval: 0.3)
        return callee
    }

    static func start(_ base: String, key: String) throws -> String {
        let created = try HTTPClient.json("POST", "\(base)/v1/verifications", key: key, ["user": "alice@contoso.com", "phone": "+1 425 555 0100"])
        #expect(created.status == 201)
        return try #require(try created.json()["id"] as? String)
    }

    @Test("a live verification ends verified with its prompts and SIP Call-ID")
    func verified() throws {
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url)
        let callee = try Self.callee(SippScenario.answer(keying: ["#"]), state: state.url)
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let id = try Self.start(server.baseURL, key: key.key)
        let done = try VerificationRouteTests.waitForEnd(server.baseURL, id, key: key.key)
        #expect(done["status"] as? String == "completed")
        #expect(done["result"] as? String == "verified", "\(done)")
        #expect((done["prompts"] as? [[String: Any]])?.compactMap { $0["type"] as? String } == ["fraud-greeting-standard", "authentication-successful"])
        #expect((done["sipCallId"] as? String)?.isEmpty == false)
        #expect(callee.waitForEnd() == 0)
        #expect(server.stop() == 0)
    }

    @Test("a busy callee ends not_answered with sipStatus 486")
    func busy() throws {
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url)
        let callee = try Self.callee(SippScenario.busy, state: state.url)
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let id = try Self.start(server.baseURL, key: key.key)
        let done = try VerificationRouteTests.waitForEnd(server.baseURL, id, key: key.key)
        #expect(done["status"] as? String == "completed")
        #expect(done["result"] as? String == "not_answered", "\(done)")
        #expect(done["sipStatus"] as? Int == 486)
        _ = callee
    }

    @Test("cancel during a live call hangs it up and ends it canceled")
    func cancel() throws {
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url)
        let callee = try Self.callee(SippScenario.answer(keying: []), state: state.url)
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let base = server.baseURL
        let id = try Self.start(base, key: key.key)
        // Wait until the call runs; the limit only turns a hang into a failure.
        var status = ""
        for _ in 0..<500 where status != "calling" {
            status = try HTTPClient.send("GET", "\(base)/v1/verifications/\(id)", key: key.key).json()["status"] as? String ?? ""
            if status != "calling" { usleep(20_000) }
        }
        #expect(status == "calling")
        let canceled = try HTTPClient.send("POST", "\(base)/v1/verifications/\(id)/cancel", key: key.key)
        #expect(canceled.status == 200)
        // sipp's scenario ends only when it received our BYE (or CANCEL fails it): exit 0.
        #expect(callee.waitForEnd() == 0)
        let done = try VerificationRouteTests.waitForEnd(base, id, key: key.key)
        #expect(done["status"] as? String == "canceled")
        #expect(done["result"] is NSNull)
        // The hung-up call keeps its SIP Call-ID, written once the hang-up ended (sipp has ended,
        // so that is moments away; the limit only turns a hang into a failure).
        var canceledView = done
        for _ in 0..<250 where canceledView["sipCallId"] as? String == nil {
            usleep(20_000)
            canceledView = try HTTPClient.send("GET", "\(base)/v1/verifications/\(id)", key: key.key).json()
        }
        #expect((canceledView["sipCallId"] as? String)?.isEmpty == false, "\(canceledView)")
        #expect(canceledView["status"] as? String == "canceled")
        #expect(canceledView["result"] is NSNull)
        // Read again (now from the cache of final views): the Call-ID stays.
        let again = try HTTPClient.send("GET", "\(base)/v1/verifications/\(id)", key: key.key).json()
        #expect(again["sipCallId"] as? String == canceledView["sipCallId"] as? String)
        #expect(server.stop() == 0)
    }

    @Test("a live PIN verification checks the keyed PIN against the directory's hash; the PIN shows nowhere")
    func livePIN() throws {
        let pin = "864297"
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url)
        let added = try IVRCommand.run(["users", "add", "alice@contoso.com", "--phone", "+1 425 555 0100", "--method", "pin"], state: state.url)
        try #require(added.exitCode == 0, "\(added.stderr)")
        try #require(try SignInRouteTests.run(["users", "set-pin", "alice@contoso.com"], input: pin + "\n", state: state.url) == 0)
        let callee = try Self.callee(SippScenario.answer(keying: [pin + "#"]), state: state.url)
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        // The number and the method come from the directory.
        let created = try HTTPClient.json("POST", "\(server.baseURL)/v1/verifications", key: key.key, ["user": "alice@contoso.com"])
        #expect(created.status == 201, "\(created.text)")
        let id = try #require(try created.json()["id"] as? String)
        let done = try VerificationRouteTests.waitForEnd(server.baseURL, id, key: key.key, polls: 1500)
        #expect(done["status"] as? String == "completed")
        #expect(done["result"] as? String == "verified", "\(done)")
        #expect((done["prompts"] as? [[String: Any]])?.compactMap { $0["type"] as? String } == ["fraud-greeting-pin", "authentication-successful"])
        #expect((done["sipCallId"] as? String)?.isEmpty == false)
        #expect(callee.waitForEnd() == 0)
        let view = try HTTPClient.send("GET", "\(server.baseURL)/v1/verifications/\(id)", key: key.key)
        #expect(server.stop() == 0)

        for text in [created.text, view.text, server.standardError, server.standardOutput] {
            #expect(!text.contains(pin))
        }
        for file in try FileManager.default.contentsOfDirectory(at: state.url, includingPropertiesForKeys: nil) {
            let bytes = (try? Data(contentsOf: file)) ?? Data()
            #expect(bytes.range(of: Data(pin.utf8)) == nil, "\(file.lastPathComponent)")
        }
    }

    @Test("a live PIN verification of a user without a stored PIN is refused 422, naming the method")
    func livePINWithoutPIN() throws {
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url)
        let added = try IVRCommand.run(["users", "add", "bob@contoso.com", "--phone", "+1 425 555 0111", "--method", "pin"], state: state.url)
        try #require(added.exitCode == 0, "\(added.stderr)")
        let set = try IVRCommand.run(["settings", "set", "sip.trunk", "sip:127.0.0.1:5"], state: state.url)
        try #require(set.exitCode == 0, "\(set.stderr)")
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let created = try HTTPClient.json("POST", "\(server.baseURL)/v1/verifications", key: key.key, ["user": "bob@contoso.com"])
        #expect(created.status == 422, "\(created.text)")
        #expect(created.text.contains("method:"), "\(created.text)")
    }

    @Test("a trunk that cannot be opened ends the verification canceled, naming the setting")
    func trunkCannotOpen() throws {
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url)
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        // SIP over TCP on the server's own HTTP port: the listen fails before anything is sent.
        for (setting, value) in [
            ("sip.trunk", "sip:127.0.0.1:5"), ("sip.transport", "tcp"), ("sip.listen", "127.0.0.1:\(server.port)"),
        ] {
            let set = try IVRCommand.run(["settings", "set", setting, value], state: state.url)
            try #require(set.exitCode == 0, "\(set.stderr)")
        }
        let id = try Self.start(server.baseURL, key: key.key)
        let done = try VerificationRouteTests.waitForEnd(server.baseURL, id, key: key.key)
        #expect(done["status"] as? String == "canceled")
        #expect((done["detail"] as? String)?.contains("sip.listen") == true, "\(done)")
        #expect(done["sipCallId"] is NSNull)
    }

    @Test("without a trunk a verification without a script is refused 422")
    func noTrunk() throws {
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url)
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let created = try HTTPClient.json("POST", "\(server.baseURL)/v1/verifications", key: key.key, ["user": "alice@contoso.com", "phone": "+1 425 555 0100"])
        #expect(created.status == 422)
    }
}
