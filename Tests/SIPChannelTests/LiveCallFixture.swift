import Foundation
import SIPChannel
import VoiceCall

/// What every live-call test needs: a phone on a free loopback port aimed at the peer, short
/// prompts (a tone of `promptSeconds` each) and short timers, so a call takes seconds.
enum LiveCallFixture {

    static func phone(
        trunkPort: UInt16, transport: SIPConfiguration.Transport = .udp, username: String? = nil, password: String? = nil
    ) throws -> SIPPhone {
        let rtp = try FreePort.udp(spanning: 1)
        return try SIPPhone(SIPConfiguration(
            trunkHost: "127.0.0.1", trunkPort: trunkPort, listenHost: "127.0.0.1", listenPort: try FreePort.udp(),
            transport: transport, username: username, password: password, rtpPorts: rtp...(rtp + 200)))
    }

    static func limits(ring: Double = 5, response: Double = 4) -> CallLimits {
        CallLimits(ringTimeout: ring, responseTimeout: response, interDigitTimeout: 3, attempts: 3, maxDigits: 32)
    }

    static func request(_ plan: CallPlan, number: String = "+14255550100", promptSeconds: Double = 0.4) -> LiveCallRequest {
        let tone = ToneSamples { _ in promptSeconds }
        return try! LiveCallRequest(plan: plan, number: number, callerID: "+14255550199", source: tone)
    }
}
