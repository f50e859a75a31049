import Foundation
import Testing

/// `ivr dial` end to end: the real binary places a live call to `sipp` on loopback (SPEC §15).
@Suite(.serialized)
struct DialCommandTests {
    /// sipp answers, presses `#` (a recorded RFC 2833 event) a second in, and accepts the BYE.
    static let answerPound = """
    <?xml version="1.0" encoding="ISO-8859-1" ?>
    <scenario name="answer then #">
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
    <pause milliseconds="1000"/>
    <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_pound.pcap"/></action></nop>
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

    /// Starts sipp as the trunk with `scenario` and points the state's `sip.*` settings at it.
    static func trunk(_ scenario: String, in dir: TemporaryDirectory, state: URL) throws -> Process {
        let file = dir.url.appendingPathComponent("scenario-\(UUID().uuidString).xml")
        try scenario.write(to: file, atomically: true, encoding: .utf8)
        let trunkPort = freePort()
        let sipp = Process()
        sipp.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
        sipp.arguments = [
            "-sf", file.path, "-i", "127.0.0.1", "-p", String(trunkPort), "-mi", "127.0.0.1",
            "-mp", String(trunkPort + 2), "-m", "1", "-nostdin", "-timeout", "60s",
        ]
        sipp.standardOutput = FileHandle.nullDevice
        sipp.standardError = FileHandle.nullDevice
        try sipp.run()
        let rtp = freePort()
        for (key, value) in [
            ("sip.trunk", "sip:127.0.0.1:\(trunkPort)"), ("sip.listen", "127.0.0.1:\(trunkPort + 10)"),
            ("rtp.ports", "\(rtp)-\(rtp + 100)"),
        ] {
            let set = IVRProcess.run(["settings", "set", key, value], state: state)
            if set.exitCode != 0 { throw CocoaError(.featureUnsupported) }
        }
        Thread.sleep(forTimeInterval: 0.3)
        return sipp
    }

    @Test func aBusyCalleeIsNotAnsweredWithItsStatusInTheLog() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let sipp = try Self.trunk(Self.busy, in: dir, state: state)
        defer {
            if sipp.isRunning { kill(sipp.processIdentifier, SIGKILL) }
            sipp.waitUntilExit()
        }
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

    private static func freePort() -> UInt16 {
        UInt16.random(in: 12000...14500) * 2
    }

    @Test func withoutATrunkDialExits1() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let ran = IVRProcess.run(["dial", "alice@contoso.com", "--phone", "+1 425 555 0100"], state: state)
        #expect(ran.exitCode == 1)
        #expect(ran.stderr.contains("no SIP trunk"))
        #expect(IVRProcess.run(["log"], state: state).stdout.contains("empty"))
    }

    @Test func aLiveCallIsRecordedLikeASimulatedOne() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let scenario = dir.url.appendingPathComponent("answer.xml")
        try Self.answerPound.write(to: scenario, atomically: true, encoding: .utf8)
        let trunkPort = Self.freePort()
        let sipp = Process()
        sipp.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
        sipp.arguments = [
            "-sf", scenario.path, "-i", "127.0.0.1", "-p", String(trunkPort), "-mi", "127.0.0.1",
            "-mp", String(trunkPort + 2), "-m", "1", "-nostdin", "-timeout", "60s",
        ]
        sipp.standardOutput = FileHandle.nullDevice
        sipp.standardError = FileHandle.nullDevice
        try sipp.run()
        defer {
            if sipp.isRunning { kill(sipp.processIdentifier, SIGKILL) }
            sipp.waitUntilExit()
        }
        let rtp = Self.freePort()
        for (key, value) in [
            ("sip.trunk", "sip:127.0.0.1:\(trunkPort)"), ("sip.listen", "127.0.0.1:\(trunkPort + 10)"),
            ("rtp.ports", "\(rtp)-\(rtp + 100)"), ("sip.username", "ivr"), ("sip.password", "Tr0ub4dor-secret"),
            ("call.response-timeout", "5"),
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
