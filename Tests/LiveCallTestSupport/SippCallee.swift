import Foundation

/// The sipp callee scenarios that the CLI and server tests place live calls to (SPEC §15), kept
/// in one place so `ivr dial` and `ivr serve` are tested against the same peer behaviour.
public enum SippScenario {
    /// sipp answers (PCMU, telephone-event 101), then keys each entry of `entries` — recorded
    /// RFC 2833 events from Debian's sip-tester pcaps, 250 ms apart — the first a second after the
    /// answer and each next one 6 s later, and accepts our BYE. No entries: it stays silent.
    public static func answer(keying entries: [String]) -> String {
        let presses = entries.map { entry in
            entry.map { key in
                let name = key == "#" ? "pound" : String(key)
                return "<nop><action><exec play_pcap_audio=\"/usr/share/sip-tester/dtmf_2833_\(name).pcap\"/></action></nop>\n<pause milliseconds=\"250\"/>"
            }.joined(separator: "\n")
        }.joined(separator: "\n<pause milliseconds=\"6000\"/>\n")
        return """
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
        \(entries.isEmpty ? "" : "<pause milliseconds=\"1000\"/>\n" + presses)
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

    /// sipp refuses the call with 486 Busy Here.
    public static let busy = """
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
}

/// One `sipp` process on 127.0.0.1 playing a scenario as the trunk for one call; killed when the
/// value goes away, so a failing test never leaves it running.
public final class SippCallee {
    public let process = Process()
    /// The `sip.*` and `rtp.ports` settings that point a state directory at this callee; the
    /// caller applies them with its own way of running `ivr settings set`.
    public let settings: [(key: String, value: String)]

    /// Writes `scenario` into `directory` and starts sipp on a random even port.
    public init(_ scenario: String, directory: URL) throws {
        let file = directory.appendingPathComponent("scenario-\(UUID().uuidString).xml")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try scenario.write(to: file, atomically: true, encoding: .utf8)
        let trunkPort = UInt16.random(in: 12000...16500) * 2
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
        process.arguments = [
            "-sf", file.path, "-i", "127.0.0.1", "-p", String(trunkPort), "-mi", "127.0.0.1",
            "-mp", String(trunkPort + 2), "-m", "1", "-nostdin", "-timeout", "60s",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let rtp = UInt16.random(in: 17000...18500) * 2
        settings = [
            ("sip.trunk", "sip:127.0.0.1:\(trunkPort)"), ("sip.listen", "127.0.0.1:\(trunkPort + 10)"),
            ("rtp.ports", "\(rtp)-\(rtp + 100)"),
        ]
    }

    /// Waits for sipp's end (its scenario done, or killed) and returns its exit code.
    public func waitForEnd() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
