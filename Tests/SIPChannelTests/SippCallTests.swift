import CallScript
import Foundation
import SIPChannel
import Testing
import VoiceCall

/// Real calls to `sipp` acting as the callee on loopback (SPEC §15).
@Suite(.serialized)
struct SippCallTests {
    @Test func answerThenPoundVerifies() throws {
        let sipp = try SippPeer(.answer([.pause(milliseconds: 1000), .key("#")]))
        defer { sipp.stop() }
        let phone = try LiveCallFixture.phone(trunkPort: sipp.sipPort)
        defer { phone.close() }
        let outcome = phone.call(LiveCallFixture.request(CallPlan(fraudCode: nil, limits: LiveCallFixture.limits())))
        #expect(outcome.result == .verified, "\(outcome.transcript)")
        #expect(outcome.prompts == [.greetingStandard, .authenticationSuccessful])
        #expect(outcome.sipCallId?.isEmpty == false)
        #expect(outcome.codec == .pcmu)
        #expect(sipp.wait() == 0, "sipp: \(sipp.errorLog)")
    }
}
