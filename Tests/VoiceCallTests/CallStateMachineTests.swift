import Testing
@testable import VoiceCall

private let pinPlan = CallPlan(method: .pin("4321"), denialsBeforeLockout: 5)

@Suite("Call state machine: results")
struct CallStateMachineResultTests {
    @Test("# on a standard call verifies")
    func standardConfirm() {
        var call = CallHarness(CallPlan())
        call.answer()
        call.listen()
        call.press("#")
        call.promptEnds()
        #expect(call.played == [.fraudGreetingStandard, .authenticationSuccessful])
        #expect(call.finish! == (.verified, .completed))
        #expect(call.actions.suffix(2) == [.hangUp, .finish(.verified, .completed)])
    }

    @Test("The fraud code with # reports fraud and confirms the block")
    func fraud() {
        var call = CallHarness(CallPlan())
        call.answer()
        call.listen()
        call.press("0#")
        call.promptEnds()
        #expect(call.played == [.fraudGreetingStandard, .fraudConfirmation])
        #expect(call.actions.contains(.reportFraud))
        #expect(call.finish! == (.fraudReported, .fraudCodeEntered))
    }

    @Test("Without auto-block a fraud report plays Fraud reported")
    func fraudWithoutAutoBlock() {
        var call = CallHarness(CallPlan(fraudAutoBlock: false))
        call.answer()
        call.press("0#")
        call.promptEnds()
        #expect(call.played == [.fraudGreetingStandard, .fraudReported])
        #expect(call.finish! == (.fraudReported, .fraudCodeEntered))
    }

    @Test("With fraud alerts off the fraud code is just invalid input")
    func fraudOff() {
        var call = CallHarness(CallPlan(fraudCode: nil, limits: CallLimits(ringTimeout: 30, responseTimeout: 10, interDigitTimeout: 5, attempts: 1, maxDigits: 32)))
        call.answer()
        call.press("0#")
        call.promptEnds()
        #expect(call.played == [.greetingStandard, .authenticationDenied])
        #expect(call.finish! == (.denied, .invalidInput))
        #expect(!call.actions.contains(.reportFraud))
    }

    @Test("A configured multi-key fraud code is honoured, and only that code")
    func customFraudCode() {
        var call = CallHarness(CallPlan(fraudCode: KeySequence("19")))
        call.answer()
        call.press("0#")
        call.listen()
        call.press("19#")
        call.promptEnds()
        #expect(call.played == [.fraudGreetingStandard, .retryStandard, .fraudConfirmation])
        #expect(call.finish! == (.fraudReported, .fraudCodeEntered))
    }

    @Test("Other keys three times: denied, invalid input")
    func wrongKeys() {
        var call = CallHarness(CallPlan())
        call.answer()
        for _ in 0..<3 { call.listen(); call.press("5#") }
        call.promptEnds()
        #expect(call.played == [.fraudGreetingStandard, .retryStandard, .retryStandard, .authenticationDenied])
        #expect(call.finish! == (.denied, .invalidInput))
    }

    @Test("Silence on every attempt: timed out, no response, and no denial")
    func silence() {
        var call = CallHarness(pinPlan)
        call.answer()
        for _ in 0..<3 { call.listen(); call.timerFires() }
        call.promptEnds()
        #expect(call.played == [.fraudGreetingPIN, .retryPIN, .retryPIN, .authenticationDenied])
        #expect(call.finish! == (.timedOut, .noResponse))
        #expect(call.denials == 0)
    }

    @Test("One entry among silent attempts makes the result denied")
    func silenceAndEntry() {
        var call = CallHarness(CallPlan())
        call.answer()
        call.listen(); call.timerFires()
        call.listen(); call.press("7#")
        call.listen(); call.timerFires()
        call.promptEnds()
        #expect(call.finish! == (.denied, .invalidInput))
    }

    @Test("Ring timeout: not answered")
    func notAnswered() {
        var call = CallHarness(CallPlan())
        call.start()
        #expect(call.actions == [.dial, .startTimer(CallTimer(.ring, generation: 1), seconds: 30)])
        call.timerFires()
        #expect(call.finish! == (.notAnswered, .notAnswered))
        #expect(call.played.isEmpty)
    }

    @Test("Refused before dialling", arguments: [
        (PreDialCheck.blocked, CallResult.blocked, ResultDetail.userBlocked),
        (.lockedOut, .lockedOut, .lockedOut),
        (.invalidNumber, .invalidRequest, .invalidPhoneNumber),
    ])
    func refusedBeforeDialling(check: PreDialCheck, result: CallResult, detail: ResultDetail) {
        var call = CallHarness(CallPlan(preDial: check))
        call.start()
        #expect(call.actions == [.finish(result, detail)])
        #expect(!call.actions.contains(.dial))
    }

    @Test("Correct PIN verifies; fraud code wins over an equal PIN")
    func pinRightAndFraudEqualPIN() {
        var right = CallHarness(pinPlan)
        right.answer()
        right.press("4321#")
        right.promptEnds()
        #expect(right.finish! == (.verified, .completed))

        var equal = CallHarness(CallPlan(method: .pin("0000"), fraudCode: KeySequence("0000")))
        equal.answer()
        equal.press("0000#")
        equal.promptEnds()
        #expect(equal.finish! == (.fraudReported, .fraudCodeEntered))
    }

    @Test("Wrong PINs use up the attempts: denied, invalid PIN, one denial each")
    func wrongPINs() {
        var call = CallHarness(pinPlan)
        call.answer()
        for _ in 0..<3 { call.listen(); call.press("1111#") }
        call.promptEnds()
        #expect(call.played == [.fraudGreetingPIN, .authenticationDeniedRetry, .retryPIN,
                                .authenticationDeniedRetry, .retryPIN, .authenticationDenied])
        #expect(call.finish! == (.denied, .invalidPIN))
        #expect(call.denials == 3)
    }

    @Test("Reaching the lockout threshold mid-call ends it locked out")
    func lockoutMidCall() {
        var call = CallHarness(CallPlan(method: .pin("4321"), denialsBeforeLockout: 2))
        call.answer()
        call.press("1111#")
        call.listen()
        call.press("2222#")
        call.promptEnds()
        #expect(call.played == [.fraudGreetingPIN, .authenticationDeniedRetry, .retryPIN, .authenticationDenied])
        #expect(call.finish! == (.lockedOut, .lockedOut))
    }

    @Test("Lockout takes precedence on the last attempt")
    func lockoutOnLastAttempt() {
        var call = CallHarness(CallPlan(method: .pin("4321"), denialsBeforeLockout: 3))
        call.answer()
        for _ in 0..<3 { call.listen(); call.press("9999#") }
        call.promptEnds()
        #expect(call.finish! == (.lockedOut, .lockedOut))
    }

    @Test("# alone on a PIN call is invalid input, not a denial")
    func emptyPINEntry() {
        var call = CallHarness(pinPlan)
        call.answer()
        call.press("#")
        #expect(call.played.last == .retryPIN)
        #expect(call.denials == 0)
        call.listen()
        call.press("4321#")
        call.promptEnds()
        #expect(call.finish! == (.verified, .completed))
    }
}

@Suite("Call state machine: collection")
struct CallStateMachineCollectionTests {
    @Test("A key during a collecting prompt cuts it short and counts as input (barge-in)")
    func bargeIn() {
        var call = CallHarness(CallPlan())
        call.answer()
        let greeting = call.playing!
        let actions = call.send(.key(.pound))
        #expect(actions.prefix(2) == [.key(.key(.pound), .accepted), .stopPrompt(greeting)])
        call.promptEnds()
        #expect(call.finish! == (.verified, .completed))
    }

    @Test("Keys pressed during Authentication denied retry are discarded")
    func typeAheadDiscarded() {
        var call = CallHarness(pinPlan)
        call.answer()
        call.press("1111#")
        #expect(call.played.last == .authenticationDeniedRetry)
        let discarded = call.send(.key(DTMFKey("4")!))
        #expect(discarded == [.key(.masked, .discarded)])
        call.listen()
        call.press("4321#")
        call.promptEnds()
        #expect(call.finish! == (.verified, .completed))
    }

    @Test("Keys with no # before the inter-digit timeout are an invalid entry")
    func interDigitTimeout() {
        var call = CallHarness(CallPlan())
        call.answer()
        call.listen()
        let actions = call.send(.key(DTMFKey("5")!))
        #expect(actions.last == .startTimer(CallTimer(.interDigit, generation: 3), seconds: 5))
        let expired = call.timerFires()
        #expect(expired == [.entry(.incomplete), .play(.retryStandard, PromptID(2))])
    }

    @Test("The first key replaces the response timer with the inter-digit timer")
    func responseTimerReplaced() {
        var call = CallHarness(CallPlan())
        call.answer()
        call.listen()
        let response = call.armed!
        #expect(response.purpose == .response)
        let actions = call.send(.key(DTMFKey("5")!))
        #expect(actions.contains(.cancelTimer(response)))
        // The old timer expiring now changes nothing.
        #expect(call.send(.timerFired(response)) == [])
    }

    @Test("An entry longer than the maximum is invalid at once")
    func tooLong() {
        var limits = CallLimits()
        limits.maxDigits = 4
        var call = CallHarness(CallPlan(method: .pin("4321"), limits: limits))
        call.answer()
        call.press("1234")
        #expect(call.played == [.fraudGreetingPIN])
        call.press("5")
        #expect(call.actions.contains(.entry(.tooLong)))
        #expect(call.played.last == .authenticationDeniedRetry)
        #expect(call.denials == 1)
    }

    @Test("A timed-out wrong entry on a PIN call is a denial")
    func incompletePINIsDenial() {
        var call = CallHarness(pinPlan)
        call.answer()
        call.press("99")
        call.timerFires()
        #expect(call.denials == 1)
        #expect(call.played.last == .authenticationDeniedRetry)
    }

    @Test("On the last attempt no retry prompt plays, only Authentication denied")
    func noRetryAfterLastAttempt() {
        var limits = CallLimits()
        limits.attempts = 1
        var call = CallHarness(CallPlan(method: .pin("4321"), limits: limits))
        call.answer()
        call.press("1111#")
        #expect(call.played == [.fraudGreetingPIN, .authenticationDenied])
    }

    @Test("Silence is never a denial, even on a PIN call with lockout near")
    func silenceNeverDenial() {
        var call = CallHarness(CallPlan(method: .pin("4321"), denialsBeforeLockout: 1))
        call.answer()
        for _ in 0..<3 { call.listen(); call.timerFires() }
        call.promptEnds()
        #expect(call.denials == 0)
        #expect(call.finish! == (.timedOut, .noResponse))
    }

    @Test("No PIN digit appears in any action")
    func pinMasked() {
        var call = CallHarness(CallPlan(method: .pin("4321"), extensionDigits: KeySequence("77")))
        call.answer()
        call.press("43")
        call.listen()
        call.press("4321#")
        call.listen()
        call.press("4321#")
        call.promptEnds()
        #expect(call.finish! == (.verified, .completed))
        let shownKeys = call.actions.compactMap { if case .key(let shown, _) = $0 { shown } else { nil } }
        #expect(shownKeys.count == 12)
        #expect(shownKeys.allSatisfy { $0 == .masked || $0 == .key(.pound) })
        let text = call.actions.map { "\($0)" }.joined(separator: " ")
        #expect(!text.contains("4321") && !text.contains("\"4\"") && !text.contains("\"3\""))
    }
}

@Suite("Call state machine: extension, activation, hang-up")
struct CallStateMachineFlowTests {
    private let extensionPlan = CallPlan(extensionDigits: KeySequence("1234"))

    @Test("Extension: intro, digits sent, wait for #, then the greeting")
    func extensionFlow() {
        var call = CallHarness(extensionPlan)
        call.answer()
        #expect(call.played == [.extensionPromptBeforeDigits])
        #expect(call.send(.key(.pound)) == [.key(.key(.pound), .discarded)])
        let sending = call.promptEnds()
        #expect(sending == [.sendDigits(KeySequence("1234")!)])
        #expect(call.send(.key(.pound)) == [.key(.key(.pound), .discarded)])
        call.send(.digitsSent)
        #expect(call.played.last == .extensionPromptAfterDigits)
        #expect(call.send(.key(DTMFKey("5")!)) == [.key(.key(DTMFKey("5")!), .ignored)])
        call.press("#")
        #expect(call.played.last == .fraudGreetingStandard)
        call.press("#")
        call.promptEnds()
        #expect(call.finish! == (.verified, .completed))
    }

    @Test("Extension silence: Extension prompt each time, then denied as timed out")
    func extensionSilence() {
        var call = CallHarness(extensionPlan)
        call.answer()
        for _ in 0..<3 { call.listen(); call.timerFires() }
        call.promptEnds()
        #expect(call.played == [.extensionPromptBeforeDigits, .extensionPromptAfterDigits,
                                .extensionPrompt, .extensionPrompt, .authenticationDenied])
        #expect(call.finish! == (.timedOut, .noResponse))
    }

    @Test("Activation call with an extension asks again with Activation")
    func activationExtension() {
        var call = CallHarness(CallPlan(kind: .activation, extensionDigits: KeySequence("9")))
        call.answer()
        call.listen(); call.timerFires()
        #expect(call.played.last == .activation)
        call.press("#")
        #expect(call.played.last == .activationGreetingStandard)
    }

    @Test("Activation greetings and retries", arguments: [
        (VerificationMethod.standard, MessageType.activationGreetingStandard, MessageType.activationRetryStandard),
        (.pin("4321"), .activationGreetingPIN, .retryPIN),
    ])
    func activation(method: VerificationMethod, greeting: MessageType, retry: MessageType) {
        var call = CallHarness(CallPlan(kind: .activation, method: method))
        call.answer()
        call.listen(); call.timerFires()
        #expect(call.played == [greeting, retry])
    }

    @Test("Activation calls honour the fraud code")
    func activationFraud() {
        var call = CallHarness(CallPlan(kind: .activation))
        call.answer()
        call.press("0#")
        #expect(call.played.last == .fraudConfirmation)
    }

    @Test("Greeting choice without fraud alerts", arguments: [
        (VerificationMethod.standard, MessageType.greetingStandard),
        (.pin("1234"), .greetingPIN),
    ])
    func greetingWithoutFraud(method: VerificationMethod, greeting: MessageType) {
        var call = CallHarness(CallPlan(method: method, fraudCode: nil))
        call.answer()
        #expect(call.played == [greeting])
    }

    @Test("Hang-up while ringing, in the extension step, the greeting and collection: abandoned")
    func hangUps() {
        var ringing = CallHarness(CallPlan())
        ringing.start()
        ringing.send(.hungUp)
        #expect(ringing.finish! == (.abandoned, .callerHungUp))

        var inExtension = CallHarness(extensionPlan)
        inExtension.answer()
        inExtension.listen()
        inExtension.send(.hungUp)
        #expect(inExtension.finish! == (.abandoned, .callerHungUp))

        var inGreeting = CallHarness(CallPlan())
        inGreeting.answer()
        let greeting = inGreeting.playing!
        let actions = inGreeting.send(.hungUp)
        #expect(actions == [.stopPrompt(greeting), .finish(.abandoned, .callerHungUp)])

        var collecting = CallHarness(CallPlan())
        collecting.answer()
        collecting.listen()
        collecting.press("12")
        collecting.send(.hungUp)
        #expect(collecting.finish! == (.abandoned, .callerHungUp))
    }

    @Test("A hang-up after the result is decided does not change it")
    func hangUpAfterDecision() {
        var call = CallHarness(CallPlan())
        call.answer()
        call.press("0#")
        call.send(.hungUp)
        #expect(call.finish! == (.fraudReported, .fraudCodeEntered))
        #expect(call.machine.result == .fraudReported)
    }

    @Test("Events after the end change nothing")
    func afterEnd() {
        var call = CallHarness(CallPlan())
        call.answer()
        call.press("#")
        call.promptEnds()
        #expect(call.send(.key(.pound)) == [])
        #expect(call.send(.hungUp) == [])
        #expect(call.send(.answered) == [])
    }

    @Test("Every one of the 18 message types is reachable")
    func allMessageTypesReachable() {
        var reached = Set<MessageType>()
        func run(_ plan: CallPlan, _ body: (inout CallHarness) -> Void) {
            var call = CallHarness(plan)
            call.answer()
            body(&call)
            reached.formUnion(call.played)
        }
        let ext = KeySequence("12")
        run(CallPlan(extensionDigits: ext)) { c in for _ in 0..<3 { c.listen(); c.timerFires() } }
        run(CallPlan(kind: .activation, extensionDigits: ext)) { c in c.listen(); c.timerFires() }
        run(CallPlan()) { c in c.listen(); c.timerFires(); c.press("#") }
        run(CallPlan(fraudAutoBlock: false)) { c in c.press("0#") }
        run(CallPlan()) { c in c.press("0#") }
        run(CallPlan(fraudCode: nil)) { _ in }
        run(CallPlan(method: .pin("1234"), fraudCode: nil)) { _ in }
        run(pinPlan) { c in c.press("1#"); c.listen() }
        run(CallPlan(kind: .activation)) { c in c.listen(); c.timerFires() }
        run(CallPlan(kind: .activation, method: .pin("1234"))) { _ in }
        #expect(reached == Set(MessageType.allCases), "missing: \(Set(MessageType.allCases).subtracting(reached))")
    }
}
