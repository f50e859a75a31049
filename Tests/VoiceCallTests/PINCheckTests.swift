import Testing
@testable import VoiceCall

/// A PIN checked through an injected verifier behaves exactly as the same PIN given as digits
/// (SPEC §2's PIN rules), and neither shows the PIN.
@Suite("PIN check: verifier as digits")
struct PINCheckTests {
    /// A verifier that knows `pin` only through the comparison, as the directory's hash check does.
    static func verifier(_ pin: String) -> PINCheck {
        let expected = DTMFKey.keys(pin) ?? []
        return .verifier(label: "test") { $0 == expected }
    }

    /// Caller behaviours covering every PIN rule: right, wrong, wrong then right, an unfinished
    /// entry that is the PIN (invalid input, not a denial), an unfinished wrong one (a denial),
    /// an empty `#`, the fraud code, silence, and lockout after wrong PINs.
    static let callers: [(name: String, act: @Sendable (inout CallHarness) -> Void)] = [
        ("right", { c in c.listen(); c.press("4321#"); c.promptEnds() }),
        ("wrong ×3", { c in for _ in 0..<3 { c.listen(); c.press("1111#"); c.promptEnds(); c.promptEnds() } }),
        ("wrong then right", { c in c.listen(); c.press("9999#"); c.promptEnds(); c.promptEnds(); c.listen(); c.press("4321#"); c.promptEnds() }),
        ("unfinished PIN", { c in for _ in 0..<3 { c.listen(); c.press("4321"); c.timerFires(); c.promptEnds() } }),
        ("unfinished wrong", { c in for _ in 0..<3 { c.listen(); c.press("43"); c.timerFires(); c.promptEnds(); c.promptEnds() } }),
        ("empty #", { c in for _ in 0..<3 { c.listen(); c.press("#"); c.promptEnds() } }),
        ("fraud code", { c in c.listen(); c.press("0#"); c.promptEnds() }),
        ("silence", { c in for _ in 0..<3 { c.listen(); c.timerFires() }; c.promptEnds() }),
    ]

    @Test("The verifier gives the digits' actions and result", arguments: 0..<callers.count)
    func sameAsDigits(_ index: Int) {
        let (name, act) = Self.callers[index]
        for lockout in [nil, 2] as [Int?] {
            var digits = CallHarness(CallPlan(method: .pin("4321"), denialsBeforeLockout: lockout))
            var verified = CallHarness(CallPlan(method: .pin(Self.verifier("4321")), denialsBeforeLockout: lockout))
            digits.answer(); act(&digits)
            verified.answer(); act(&verified)
            #expect(digits.finish != nil, "\(name)")
            #expect(verified.actions == digits.actions, "\(name), lockout \(String(describing: lockout))")
        }
    }

    @Test("The right PIN verifies and a wrong one is a denial through the verifier")
    func verdicts() {
        var right = CallHarness(CallPlan(method: .pin(Self.verifier("4321"))))
        right.answer(); right.listen(); right.press("4321#"); right.promptEnds()
        #expect(right.finish! == (.verified, .completed))
        var wrong = CallHarness(CallPlan(method: .pin(Self.verifier("4321")), denialsBeforeLockout: 1))
        wrong.answer(); wrong.listen(); wrong.press("1234#"); wrong.promptEnds()
        #expect(wrong.denials == 1)
        #expect(wrong.finish! == (.lockedOut, .lockedOut))
    }

    @Test("Fraud wins over a verifier whose PIN equals the fraud code")
    func fraudWins() {
        var call = CallHarness(CallPlan(method: .pin(Self.verifier("0000")), fraudCode: KeySequence("0000")))
        call.answer(); call.listen(); call.press("0000#"); call.promptEnds()
        #expect(call.finish! == (.fraudReported, .fraudCodeEntered))
        #expect(call.denials == 0)
    }

    @Test("Neither check shows the PIN")
    func noPINInDescriptions() {
        for method in [VerificationMethod.pin("864297"), .pin(Self.verifier("864297"))] {
            #expect(!"\(method)".contains("864297"))
        }
        #expect(!"\(PINCheck("864297"))".contains("864297"))
    }
}
