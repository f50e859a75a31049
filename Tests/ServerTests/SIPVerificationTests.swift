import Foundation
import Testing

/// `ivr serve` with `sip.trunk` set: a verification without a script is a live call to a real
/// `sipp` callee on 127.0.0.1 (SPEC §15/§16).
@Suite("ivr serve: verifications over SIP", .serialized)
struct SIPVerificationTests {
    /// sipp answers; with `pound`, it presses `#` (a recorded RFC 2833 event) a second in; then it
    /// waits for our BYE.
    static func answer(pound: Bool) -> String {
        """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="answer">
        <recv request="INVITE" crlf="true"/>
        <send retrans="500"><![CDATA[
        SIP/2.0 200 OK
        [last_Via:]
        [last_From:]
        [last_To:];tag=[pid]SIPpTag01[call_number]
        [last_Call-ID:]
        [last_CSeq:]
        Contact: <sip:[local_ip]:[local_port];transport=[transport]>
        Content-Type: application/sdp
        Content-Length: [len]

        v=0
        o=callee 1 1 IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=audio [media_port] RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000

        ]]></send>
        <recv request="ACK" crlf="true"/>
        \(pound ? """
        <pause milliseconds="1000"/>
        <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_pound.pcap"/></action></nop>
        """ : "")
        <recv request="BYE"/>
        <send><![CDATA[
        SIP/2.0 200 OK
        [last_Via:]
        [last_From:]
        [last_To:]
        [last_Call-ID:]
        [last_CSeq:]
        Content-Length: 0

        ]]></send>
        </scenario>

        """
    }

    static let busy = """
    <?xml version="1.0" encoding="ISO-8859-1" ?>
    <scenario name="busy">
    <recv request="INVITE" crlf="true"/>
    <send><![CDATA[
    SIP/2.0 486 Busy Here
    [last_Via:]
    [last_From:]
    [last_To:];tag=[pid]SIPpTag01[call_number]
    [last_Call-ID:]
    [last_CSeq:]
    Content-Length: 0

    ]]></send>
    <recv request="ACK"/>
    </scenario>

    """

    /// A sipp callee and the state's `sip.*` settings pointed at it; `stop()` always ends sipp.
    final class Callee {
        let process = Process()

        init(_ scenario: String, state: URL) throws {
            let file = state.appendingPathComponent("scenario-\(UUID().uuidString).xml")
            try scenario.write(to: file, atomically: true, encoding: .utf8)
            let trunkPort = UInt16.random(in: 15000...16500) * 2
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
            process.arguments = [
                "-sf", file.path, "-i", "127.0.0.1", "-p", String(trunkPort), "-mi", "127.0.0.1",
                "-mp", String(trunkPort + 2), "-m", "1", "-nostdin", "-timeout", "60s",
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let rtp = UInt16.random(in: 17000...18500) * 2
            for (key, value) in [
                ("sip.trunk", "sip:127.0.0.1:\(trunkPort)"), ("sip.listen", "127.0.0.1:\(trunkPort + 10)"),
                ("rtp.ports", "\(rtp)-\(rtp + 100)"), ("call.response-timeout", "30"),
            ] {
                let set = try IVRCommand.run(["settings", "set", key, value], state: state)
                try #require(set.exitCode == 0, "\(set.stderr)")
            }
            Thread.sleep(forTimeInterval: 0.3)
        }

        /// Waits for sipp's end (its scenario done, or killed) and returns its exit code.
        func waitForEnd() -> Int32 {
            process.waitUntilExit()
            return process.terminationStatus
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
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
        let callee = try Callee(Self.answer(pound: true), state: state.url)
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
        let callee = try Callee(Self.busy, state: state.url)
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
        let callee = try Callee(Self.answer(pound: false), state: state.url)
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
        #expect(server.stop() == 0)
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
