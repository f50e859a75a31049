import Foundation
import SIPChannel
import TestSupport
import Testing
import VoiceCall

/// Malformed SIP, broken RTP and absurd RFC 4733 events from a sender on loopback while a call
/// runs (SPEC §13): nothing crashes, the call ends as it would have, and the phone still works.
@Suite(.serialized)
struct HostileInputTests {
    /// SIP-shaped garbage: broken start lines, missing and absurd headers, lies about lengths.
    static func malformedSIP(_ random: inout SplitMix64, port: UInt16) -> [UInt8] {
        let forms: [String] = [
            "INVITE sip:x@127.0.0.1 SIP/2.0\r\n\r\n",
            "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:\(port);branch=z9hG4bKnothing\r\nCSeq: 1 INVITE\r\nContent-Length: 99999\r\n\r\n",
            "BYE sip:ivr@127.0.0.1:\(port) SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: nobody\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n",
            "INFO sip:ivr@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bK2\r\nCall-ID: \(String(repeating: "x", count: 3000))\r\nCSeq: -1 INFO\r\n\r\n",
            "INVITE sip:ivr@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bK3\r\nFrom: <sip:a@b>;tag=9\r\nTo: <sip:ivr@127.0.0.1>\r\nCall-ID: in\r\nCSeq: 1 INVITE\r\nContact: <sip:a@127.0.0.1:1>\r\nContent-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=9\r\n",
            "\r\n\r\n", "SIP/2.0\r\n", String(repeating: "Via: ;;;\r\n", count: 200),
        ]
        var bytes = Array(forms[Int.random(in: 0..<forms.count, using: &random)].utf8)
        // Flip a few bytes of some messages.
        if Bool.random(using: &random), !bytes.isEmpty {
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        }
        return bytes
    }

    /// RTP-shaped garbage: short headers, wrong versions, CSRC counts past the end, extensions
    /// that lie, and telephone-events with codes that are no key, zero or maximal durations.
    static func badRTP(_ random: inout SplitMix64) -> [UInt8] {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return (0..<Int.random(in: 0...11, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 1: return [0x8f, 101, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]  // 15 CSRCs announced, none present
        case 2: return [0x90, 101, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0xbe, 0xde, 0xff, 0xff]  // extension longer than the packet
        case 3:
            let code = UInt8.random(in: 16...255, using: &random)
            let flags = UInt8.random(in: 0...255, using: &random)
            let duration: [UInt8] = Bool.random(using: &random) ? [0, 0] : [0xff, 0xff]
            var packet: [UInt8] = [0x80, 101, UInt8.random(in: 0...255, using: &random), 1]
            packet += (0..<8).map { _ in UInt8.random(in: 0...255, using: &random) }
            return packet + [code, flags] + duration + (Bool.random(using: &random) ? [] : [1, 2, 3])
        default:
            return [0x80, UInt8.random(in: 0...127, using: &random)] + (0..<Int.random(in: 10...1400, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
        }
    }

    @Test func garbageDuringACallChangesNothing() throws {
        let sipp = try SippPeer(.answer([]))
        defer { sipp.stop() }
        let rtpBase = try FreePort.udp(spanning: 1)
        let sipPort = try FreePort.udp()
        let phone = try SIPPhone(SIPConfiguration(
            trunkHost: "127.0.0.1", trunkPort: sipp.sipPort, listenHost: "127.0.0.1", listenPort: sipPort,
            rtpPorts: rtpBase...(rtpBase + 20)))
        defer { phone.close() }
        let short = CallLimits(ringTimeout: 5, responseTimeout: 1, interDigitTimeout: 1, attempts: 2, maxDigits: 32)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: LiveCallOutcome?
        phone.place(LiveCallFixture.request(CallPlan(fraudCode: nil, limits: short))) {
            outcome = $0
            done.signal()
        }
        let sender = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(sender) }
        var random = SplitMix64(seed: 0x15_2026)
        var sent = 0
        while done.wait(timeout: .now()) == .timedOut {
            for port in [sipPort] + (0...20).map({ rtpBase + UInt16($0) }) {
                let bytes = port == sipPort ? Self.malformedSIP(&random, port: sipPort) : Self.badRTP(&random)
                send(bytes, to: port, from: sender)
                sent += 1
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        #expect(sent > 100)
        // Silence was all the callee gave: the garbage neither pressed a key nor ended the call.
        #expect(outcome?.result == .timedOut, "\(String(describing: outcome?.failure)) \(String(describing: outcome?.transcript))")
        #expect(sipp.wait() == 0, "sipp: \(sipp.errorLog)")

        // And the phone still places a good call.
        let second = try SippPeer(.answer([.pause(milliseconds: 1000), .key("#")]))
        defer { second.stop() }
        let again = try LiveCallFixture.phone(trunkPort: second.sipPort)
        defer { again.close() }
        #expect(again.call(LiveCallFixture.request(CallPlan(fraudCode: nil, limits: LiveCallFixture.limits()))).result == .verified)
    }

    private func send(_ bytes: [UInt8], to port: UInt16, from fd: Int32) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, bytes, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }
}
