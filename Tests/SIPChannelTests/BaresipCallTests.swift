import Foundation
import SIPChannel
import Testing
import VoiceCall

/// Real calls to `baresip` auto-answering on loopback; its keys are sent through `ctrl_tcp`.
@Suite(.serialized)
struct BaresipCallTests {
    /// Places the call, then has baresip press `keys` (one `sndcode` each, `pause` apart) once the
    /// greeting is under way.
    private func call(_ plan: CallPlan, keys: [String], pause: Double = 1.0) throws -> (LiveCallOutcome, String) {
        let baresip = try BaresipPeer()
        defer { baresip.stop() }
        let phone = try LiveCallFixture.phone(trunkPort: baresip.sipPort)
        defer { phone.close() }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: LiveCallOutcome?
        phone.place(LiveCallFixture.request(plan)) { outcome in
            result = outcome
            done.signal()
        }
        for key in keys {
            Thread.sleep(forTimeInterval: pause)
            try baresip.command("sndcode", key)
        }
        done.wait()
        return (result!, baresip.log)
    }

    @Test func autoAnswerAndPoundVerifies() throws {
        let (outcome, log) = try call(CallPlan(fraudCode: nil, limits: LiveCallFixture.limits()), keys: ["#"])
        #expect(outcome.result == .verified, "\(outcome.transcript)\n\(log)")
        #expect(outcome.prompts == [.greetingStandard, .authenticationSuccessful])
        #expect(outcome.codec != nil)
    }

    @Test func pinThroughTheControlPort() throws {
        let (outcome, log) = try call(
            CallPlan(method: .pin("4711"), fraudCode: nil, limits: LiveCallFixture.limits()),
            keys: ["4", "7", "1", "1", "#"], pause: 0.5)
        #expect(outcome.result == .verified, "\(outcome.transcript)\n\(log)")
        #expect(outcome.prompts == [.greetingPIN, .authenticationSuccessful])
    }
}
