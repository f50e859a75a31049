import Testing
import VoiceCall
@testable import CallScript

/// Every prompt lasts 4 s in these tests, so instants are easy to work out by hand.
private func simulate(_ plan: CallPlan, _ kinds: [CallerAction.Kind]) -> CallSimulator.Outcome {
    let actions = kinds.enumerated().map { CallerAction(line: $0.offset + 1, kind: $0.element) }
    return CallSimulator(plan: plan) { _ in 4 }.run(actions)
}

private func simulate(_ kinds: [CallerAction.Kind]) -> CallSimulator.Outcome {
    simulate(CallPlan(), kinds)
}

private func instants(of event: TranscriptEntry.Event, in outcome: CallSimulator.Outcome) -> [Double] {
    outcome.transcript.filter { $0.event == event }.map(\.time)
}

@Suite("Call simulator")
struct CallSimulatorTests {
    @Test("listen waits for the prompt; a key then takes 0.3 s")
    func listenThenPress() {
        let outcome = simulate([.answer(after: 0), .listen, .press("#")])
        #expect(outcome.result == .verified)
        #expect(instants(of: .key(.key(.pound), .accepted), in: outcome) == [4.3])
        #expect(instants(of: .play(.authenticationSuccessful), in: outcome) == [4.3])
        #expect(outcome.duration == 8.3)
    }

    @Test("A key during the greeting barges in")
    func bargeIn() {
        let outcome = simulate([.answer(after: 0), .press("#")])
        #expect(outcome.transcript.contains { $0.event == .interrupted(.fraudGreetingStandard) && $0.time == 0.3 })
        #expect(outcome.result == .verified)
    }

    @Test("A key at the very instant the response timer expires is handled first")
    func callerFirstOnTie() {
        // Greeting ends at 4, response timer due at 14; the key lands at 13.7 + 0.3 = 14.
        let outcome = simulate([.answer(after: 0), .wait(13.7), .press("#")])
        #expect(outcome.result == .verified)
        #expect(!outcome.transcript.contains { $0.event == .timerExpired(.response) })
    }

    @Test("A script without hangup leaves the timers to decide")
    func silentToTheEnd() {
        let outcome = simulate([.answer(after: 0)])
        #expect(outcome.result == .timedOut)
        #expect(outcome.prompts == [.fraudGreetingStandard, .retryStandard, .retryStandard, .authenticationDenied])
        // Three prompts of 4 s, each followed by a 10 s silence, then the closing prompt.
        #expect(outcome.duration == 46)
    }

    @Test("Answering after the ring timeout is too late; later actions are ignored")
    func lateAnswer() {
        let outcome = simulate([.answer(after: 35), .press("#")])
        #expect(outcome.result == .notAnswered)
        #expect(outcome.duration == 30)
        let ignored = outcome.transcript.compactMap { if case .ignoredAction(let line, _) = $0.event { line } else { nil } }
        #expect(ignored == [1, 2])
    }

    @Test("Extension digits take 200 ms each and are reported")
    func extensionDigits() {
        let plan = CallPlan(extensionDigits: KeySequence("1234"))
        let outcome = simulate(plan, [.answer(after: 0), .listen, .press("#"), .listen, .press("#")])
        #expect(outcome.digitsSent == "1234")
        // Intro 0–4, digits 4–4.8, after-digits prompt 4.8–8.8.
        #expect(instants(of: .play(.extensionPromptAfterDigits), in: outcome) == [4.8])
        #expect(outcome.result == .verified)
    }

    @Test("Denials carry their instants; hang-up after a decided result keeps it")
    func denialTimesAndHangUp() {
        let plan = CallPlan(method: .pin("4321"))
        let outcome = simulate(plan, [.answer(after: 0), .press("11#"), .listen, .press("0#"), .hangup])
        #expect(outcome.denialTimes == [0.9])
        #expect(outcome.result == .fraudReported)
        #expect(outcome.fraudReported)
    }

    @Test("Hanging up mid-greeting abandons the call")
    func hangUpInGreeting() {
        let outcome = simulate([.answer(after: 0), .wait(1), .hangup])
        #expect(outcome.result == .abandoned)
        #expect(outcome.transcript.contains { $0.event == .interrupted(.fraudGreetingStandard) })
    }
}
