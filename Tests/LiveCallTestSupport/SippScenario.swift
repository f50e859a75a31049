import Foundation

/// A `sipp` callee scenario, written as XML from a few steps so each test reads as its story.
///
/// Every scenario answers the engine's INVITE (or refuses it) as a SIP phone would; the steps after
/// answering play recorded RFC 2833 DTMF (`/usr/share/sip-tester/dtmf_2833_*.pcap`), pause, and
/// either wait for the engine's BYE or hang up first.
public struct SippScenario {
    public enum Step {
        case pause(milliseconds: Int)
        /// Plays the recorded DTMF of one key (`0`–`9`, `*`, `#`).
        case key(Character)
        /// Sends the key as SIP INFO (`application/dtmf-relay`) and expects 200.
        case info(Character)
    }

    public enum Ending {
        /// Wait for the engine's BYE and accept it.
        case awaitBye
        /// Hang up after the steps: send BYE.
        case hangUp
    }

    public var xml: String

    /// Rings (unless `ringing` is false), answers with PCMU and telephone-event (payload type `eventPayloadType`), runs the
    /// steps, then ends as told. `mediaPortKey` names a `-key` to put in the SDP instead of sipp's
    /// own media port (so a test socket can receive the engine's RTP).
    public static func answer(
        _ steps: [Step], then ending: Ending = .awaitBye, eventPayloadType: Int = 101, codec: String = "PCMU",
        mediaPortKey: String? = nil, challenge: (username: String, password: String)? = nil, ringing: Bool = true
    ) -> SippScenario {
        let codecPT = codec == "PCMU" ? 0 : 8
        let port = mediaPortKey.map { "[\($0)]" } ?? "[media_port]"
        // sipp refuses a variable it never uses: capture the dialog only when we send requests in it.
        let sendsRequests = ending == .hangUp || steps.contains { if case .info = $0 { true } else { false } }
        let capture = sendsRequests ? """
        <recv request="INVITE" crlf="true">
          <action>
            <ereg regexp=".*" search_in="hdr" header="From:" check_it="true" assign_to="caller"/>
            <ereg regexp=".*" search_in="hdr" header="To:" check_it="true" assign_to="callee"/>
            <ereg regexp="sip:[^>;]*" search_in="hdr" header="Contact:" check_it="true" assign_to="contact"/>
          </action>
        </recv>
        """ : "<recv request=\"INVITE\" crlf=\"true\"/>"
        // With a challenge: 401 first; the INVITE that comes back must carry valid digest credentials,
        // or the callee answers 403 and the call is not answered.
        let challengeSteps = challenge.map { credentials in
            """
            <recv request="INVITE" crlf="true"/>
            <send><![CDATA[
            SIP/2.0 401 Unauthorized
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTag00[call_number]
            [last_Call-ID:]
            [last_CSeq:]
            WWW-Authenticate: Digest realm="ivr.test", nonce="4a1b2c3d4e5f", algorithm=MD5
            Content-Length: 0

            ]]></send>
            <recv request="ACK"/>
            <recv request="INVITE" crlf="true">
              <action>
                <verifyauth assign_to="authvalid" username="\(credentials.username)" password="\(credentials.password)"/>
              </action>
            </recv>
            <nop hide="true" test="authvalid" next="authorized"/>
            \(reply("403 Forbidden", tag: true))
            <recv request="ACK" next="end"/>
            <label id="authorized"/>

            """
        } ?? capture + "\n"
        var body = """
        \(challengeSteps)        \(ringing ? reply("180 Ringing", tag: true) : "")
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
        o=callee 53655765 2353687637 IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=audio \(port) RTP/AVP \(codecPT) \(eventPayloadType)
        a=rtpmap:\(codecPT) \(codec)/8000
        a=rtpmap:\(eventPayloadType) telephone-event/8000
        a=fmtp:\(eventPayloadType) 0-15
        a=ptime:20

        ]]></send>
        <recv request="ACK" crlf="true"/>

        """
        for step in steps {
            switch step {
            case .pause(let milliseconds):
                body += "<pause milliseconds=\"\(milliseconds)\"/>\n"
            case .key(let key):
                body += "<nop><action><exec play_pcap_audio=\"\(pcap(key))\"/></action></nop>\n"
                // A recorded key lasts about 160 ms; let it finish before the next step.
                body += "<pause milliseconds=\"250\"/>\n"
            case .info(let key):
                body += """
                <send retrans="500"><![CDATA[
                INFO [$contact] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: [$callee];tag=[pid]SIPpTag01[call_number]
                To: [$caller]
                Call-ID: [call_id]
                CSeq: [cseq] INFO
                Max-Forwards: 70
                Content-Type: application/dtmf-relay
                Content-Length: [len]

                Signal=\(key)
                Duration=160

                ]]></send>
                <recv response="200"/>

                """
            }
        }
        switch ending {
        case .awaitBye:
            body += "<recv request=\"BYE\"/>\n" + reply("200 OK", tag: false)
        case .hangUp:
            body += """
            <send retrans="500"><![CDATA[
            BYE [$contact] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: [$callee];tag=[pid]SIPpTag01[call_number]
            To: [$caller]
            Call-ID: [call_id]
            CSeq: [cseq] BYE
            Contact: <sip:[local_ip]:[local_port];transport=[transport]>
            Max-Forwards: 70
            Content-Length: 0

            ]]></send>
            <recv response="200"/>

            """
        }
        if challenge != nil { body += "<label id=\"end\"/>\n" }
        return SippScenario(xml: wrap(body))
    }

    /// Rings, then refuses with `status` (486 Busy Here, 603 Decline, …).
    public static func refuse(_ status: String) -> SippScenario {
        SippScenario(xml: wrap("""
        <recv request="INVITE" crlf="true"/>
        \(reply("180 Ringing", tag: true))
        <pause milliseconds="200"/>
        \(reply(status, tag: true))
        <recv request="ACK"/>

        """))
    }

    /// Rings until the engine gives up: answers its CANCEL (200, then 487 for the INVITE).
    public static func neverAnswer() -> SippScenario {
        SippScenario(xml: wrap("""
        <recv request="INVITE" crlf="true"/>
        \(reply("180 Ringing", tag: true))
        <recv request="CANCEL"/>
        \(reply("200 OK", tag: true))
        <send><![CDATA[
        SIP/2.0 487 Request Terminated
        [last_Via:]
        [last_From:]
        [last_To:];tag=[pid]SIPpTag01[call_number]
        [last_Call-ID:]
        CSeq: [cseq] INVITE
        Content-Length: 0

        ]]></send>
        <recv request="ACK"/>

        """))
    }

    public static func pcap(_ key: Character) -> String {
        switch key {
        case "#": "/usr/share/sip-tester/dtmf_2833_pound.pcap"
        case "*": "/usr/share/sip-tester/dtmf_2833_star.pcap"
        default: "/usr/share/sip-tester/dtmf_2833_\(key).pcap"
        }
    }

    private static func reply(_ status: String, tag: Bool) -> String {
        """
        <send><![CDATA[
        SIP/2.0 \(status)
        [last_Via:]
        [last_From:]
        [last_To:]\(tag ? ";tag=[pid]SIPpTag01[call_number]" : "")
        [last_Call-ID:]
        [last_CSeq:]
        Contact: <sip:[local_ip]:[local_port];transport=[transport]>
        Content-Length: 0

        ]]></send>
        """
    }

    private static func wrap(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"ivr callee\">\n\(body)</scenario>\n"
    }
}
