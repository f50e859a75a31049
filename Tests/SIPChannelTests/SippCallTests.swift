
import Foundation
import LiveCallTestSupport
import SIPChannel
import Testing
import VoiceCall

/// Real calls to `sipp` acting as the callee on loopback (SPEC §15). Prompts are 0.4 s tones and
/// timers short, so each call takes seconds; the callee's keys are recorded RFC 2833 DTMF.
@Suite(.serialized)
struct SippCallTests {
    /// Runs one call against a sipp callee playing `scenario`; sipp's exit status must be 0 (it
    /// saw every message it expected, the engine's BYE or CANCEL included).
    private func call(
        _ scenario: SippScenario, plan: CallPlan, keys: [String: String] = [:], transport: SIPConfiguration.Transport = .udp,
        credentials: (String, String)? = nil
    ) throws -> LiveCallOutcome {
        let sipp = try SippPeer(scenario, keys: keys, transport: transport == .udp ? "u1" : "t1")
        defer { sipp.stop() }
        let phone = try LiveCallFixture.phone(
            trunkPort: sipp.sipPort, transport: transport, username: credentials?.0, password: credentials?.1)
        defer { phone.close() }
        let outcome = phone.call(LiveCallFixture.request(plan))
        let status = sipp.wait()
        #expect(status == 0, "sipp: \(sipp.errorLog)")
        return outcome
    }

    private let limits = LiveCallFixture.limits()

    @Test func answerThenPoundVerifies() throws {
        let outcome = try call(.answer([.pause(milliseconds: 1000), .key("#")]), plan: CallPlan(fraudCode: nil, limits: limits))
        #expect(outcome.result == .verified, "\(outcome.transcript)")
        #expect(outcome.detail == .completed)
        #expect(outcome.prompts == [.greetingStandard, .authenticationSuccessful])
        #expect(outcome.sipCallId?.isEmpty == false)
        #expect(outcome.sipStatus == nil)
        #expect(outcome.codec == .pcmu)
    }

    @Test func digestAuthenticationAnswersTheChallenge() throws {
        let outcome = try call(
            .answer([.pause(milliseconds: 1000), .key("#")], challenge: ("ivr-account", "s3cret")),
            plan: CallPlan(fraudCode: nil, limits: limits), credentials: ("ivr-account", "s3cret"))
        #expect(outcome.result == .verified, "\(outcome.transcript)")
    }

    @Test func aWrongPasswordIsRefusedAndNotAnswered() throws {
        let outcome = try call(
            .answer([.pause(milliseconds: 1000), .key("#")], challenge: ("ivr-account", "s3cret")),
            plan: CallPlan(fraudCode: nil, limits: limits), credentials: ("ivr-account", "wrong"))
        #expect(outcome.result == .notAnswered)
        #expect(outcome.sipStatus == 403)
    }

    @Test func overTCP() throws {
        let outcome = try call(
            .answer([.pause(milliseconds: 1000), .key("#")]), plan: CallPlan(fraudCode: nil, limits: limits), transport: .tcp)
        #expect(outcome.result == .verified, "\(outcome.transcript)")
    }

    @Test func followsTheAnswersCodecAndEventPayloadType() throws {
        let outcome = try call(
            .answer([.pause(milliseconds: 1000), .key("#")], eventPayloadType: 101, codec: "PCMA"),
            plan: CallPlan(fraudCode: nil, limits: limits))
        #expect(outcome.codec == .pcma)
        #expect(outcome.result == .verified, "\(outcome.transcript)")
    }

    @Test func wrongPINThenRightPIN() throws {
        let steps: [SippScenario.Step] = [
            .pause(milliseconds: 800), .key("9"), .key("9"), .key("#"),
            // *Authentication denied retry* and *Retry (PIN)* play (0.8 s); keys before are discarded.
            .pause(milliseconds: 1500), .key("1"), .key("2"), .key("#"),
        ]
        let outcome = try call(.answer(steps), plan: CallPlan(method: .pin("12"), fraudCode: nil, limits: limits))
        #expect(outcome.result == .verified, "\(outcome.transcript)")
        #expect(outcome.prompts == [.greetingPIN, .authenticationDeniedRetry, .retryPIN, .authenticationSuccessful])
        #expect(outcome.denialTimes.count == 1)
        // PIN digits never reach the transcript.
        let shownKeys = outcome.transcript.compactMap { if case .key(let shown, _) = $0.event { shown.description } else { nil } }
        #expect(!shownKeys.contains("1") && !shownKeys.contains("2") && !shownKeys.contains("9"))
    }

    @Test func keysBySIPInfo() throws {
        let outcome = try call(
            .answer([.pause(milliseconds: 800), .info("1"), .info("2"), .info("#")]),
            plan: CallPlan(method: .pin("12"), fraudCode: nil, limits: limits))
        #expect(outcome.result == .verified, "\(outcome.transcript)")
        #expect(outcome.prompts == [.greetingPIN, .authenticationSuccessful])
    }

    @Test func fraudCodeReportsFraud() throws {
        let outcome = try call(
            .answer([.pause(milliseconds: 800), .key("0"), .key("#")]),
            plan: CallPlan(fraudCode: KeySequence("0"), fraudAutoBlock: true, limits: limits))
        #expect(outcome.result == .fraudReported, "\(outcome.transcript)")
        #expect(outcome.fraudReported)
        #expect(outcome.prompts == [.fraudGreetingStandard, .fraudConfirmation])
    }

    @Test func silenceToTheEndTimesOut() throws {
        let short = CallLimits(ringTimeout: 5, responseTimeout: 1, interDigitTimeout: 1, attempts: 2, maxDigits: 32)
        let outcome = try call(.answer([]), plan: CallPlan(fraudCode: nil, limits: short))
        #expect(outcome.result == .timedOut, "\(outcome.transcript)")
        #expect(outcome.detail == .noResponse)
        #expect(outcome.prompts == [.greetingStandard, .retryStandard, .authenticationDenied])
    }

    @Test func hangUpDuringTheGreetingAbandons() throws {
        let outcome = try call(
            .answer([.pause(milliseconds: 150)], then: .hangUp),
            plan: CallPlan(fraudCode: nil, limits: limits))
        #expect(outcome.result == .abandoned, "\(outcome.transcript)")
        #expect(outcome.detail == .callerHungUp)
        #expect(outcome.prompts == [.greetingStandard])
        #expect(outcome.transcript.contains { $0.event == .interrupted(.greetingStandard) })
    }

    @Test func neverAnsweredIsCancelledAtTheRingTimeout() throws {
        let outcome = try call(.neverAnswer(), plan: CallPlan(fraudCode: nil, limits: LiveCallFixture.limits(ring: 1.5)))
        #expect(outcome.result == .notAnswered, "\(outcome.transcript)")
        #expect(outcome.detail == .notAnswered)
        #expect(outcome.prompts.isEmpty)
        #expect(outcome.duration >= 1.5)
    }

    @Test(arguments: ["486 Busy Here", "603 Decline", "480 Temporarily Unavailable", "600 Busy Everywhere"])
    func refusedIsNotAnsweredWithItsStatus(_ status: String) throws {
        let outcome = try call(.refuse(status), plan: CallPlan(fraudCode: nil, limits: limits))
        #expect(outcome.result == .notAnswered, "\(outcome.transcript)")
        #expect(outcome.sipStatus == Int(status.prefix(3)))
        #expect(outcome.duration < limits.ringTimeout)
    }

    @Test func extensionDigitsReachTheCallee() throws {
        let capture = try RTPCapture()
        defer { capture.stop() }
        // Intro 0.4 s, four digits 0.8 s, *after digits* 0.4 s: then # to reach the greeting.
        let steps: [SippScenario.Step] = [.pause(milliseconds: 2200), .key("#"), .pause(milliseconds: 800), .key("#")]
        let outcome = try call(
            .answer(steps, mediaPortKey: "capture"),
            plan: CallPlan(fraudCode: nil, extensionDigits: KeySequence("1234"), limits: limits),
            keys: ["capture": String(capture.port)])
        capture.stop()
        #expect(outcome.result == .verified, "\(outcome.transcript)")
        #expect(outcome.digitsSent == "1234")
        #expect(capture.keys() == "1234")
        #expect(outcome.prompts == [.extensionPromptBeforeDigits, .extensionPromptAfterDigits, .greetingStandard, .authenticationSuccessful])
    }

    @Test func closingThePhoneEndsItsCalls() throws {
        let sipp = try SippPeer(.neverAnswer())
        defer { sipp.stop() }
        let phone = try LiveCallFixture.phone(trunkPort: sipp.sipPort)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: LiveCallOutcome?
        phone.place(LiveCallFixture.request(CallPlan(fraudCode: nil, limits: limits))) {
            outcome = $0
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.5)
        phone.close()
        done.wait()
        #expect(outcome?.result == .abandoned)
        #expect(outcome?.failure?.contains("closed") == true)
        // sipp saw the CANCEL its scenario waits for.
        #expect(sipp.wait() == 0, "sipp: \(sipp.errorLog)")
    }

    @Test func unreachableTrunkIsNotAnswered() throws {
        let deadPort = try FreePort.udp()
        let phone = try LiveCallFixture.phone(trunkPort: deadPort)
        defer { phone.close() }
        let outcome = phone.call(LiveCallFixture.request(CallPlan(fraudCode: nil, limits: LiveCallFixture.limits(ring: 1.5))))
        #expect(outcome.result == .notAnswered)
        #expect(outcome.prompts.isEmpty)
    }
}
