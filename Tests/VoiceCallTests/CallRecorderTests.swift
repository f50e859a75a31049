import Testing
@testable import VoiceCall

@Suite("CallRecorder")
struct CallRecorderTests {
    @Test("Collects prompts, denials, the fraud moment, digits and the result from the machine's actions")
    func collectsFromActions() {
        var recorder = CallRecorder()
        let timer = CallTimer(.response, generation: 1)
        recorder.record([.dial, .startTimer(timer, seconds: 30)], at: 0)
        recorder.record([.cancelTimer(timer), .play(.extensionPromptBeforeDigits, PromptID(1))], at: 2)
        recorder.record([.sendDigits(KeySequence("12")!)], at: 5)
        recorder.record([.key(.masked, .accepted), .entry(.wrongPIN), .denial, .play(.authenticationDeniedRetry, PromptID(2))], at: 9.4)
        recorder.record([.entry(.fraudCode), .reportFraud, .play(.fraudConfirmation, PromptID(3))], at: 22.2)
        #expect(recorder.recording.result == nil)
        recorder.record([.hangUp, .finish(.fraudReported, .fraudCodeEntered)], at: 29)
        let recording = recorder.recording
        #expect(recording.prompts == [.extensionPromptBeforeDigits, .authenticationDeniedRetry, .fraudConfirmation])
        #expect(recording.denialTimes == [9.4])
        #expect(recording.fraudReportedAt == 22.2)
        #expect(recording.digitsSent == "12")
        #expect(recording.result == .fraudReported && recording.detail == .fraudCodeEntered && recording.endedAt == 29)
    }

    @Test("A session records exactly what its machine answered")
    func sessionRecordsTheMachine() {
        var session = CallSession(plan: CallPlan(method: .pin("4321"), denialsBeforeLockout: 5))
        var machine = CallStateMachine(plan: CallPlan(method: .pin("4321"), denialsBeforeLockout: 5))
        for (time, event) in [(0.0, CallEvent.start), (1, .answered), (2, .hungUp)] {
            #expect(session.handle(event, at: time) == machine.handle(event))
        }
        #expect(session.recording.prompts == [.fraudGreetingPIN])
        #expect(session.recording.result == .abandoned && session.recording.endedAt == 2)
    }
}
