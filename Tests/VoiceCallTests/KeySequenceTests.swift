import Testing
@testable import VoiceCall

@Suite("KeySequence")
struct KeySequenceTests {
    @Test("Every keypad key survives the four-bit packing, in order, across all three words")
    func everyKeyRoundTrips() throws {
        let keys = "0123456789*#ABCD"
        let text = String(repeating: keys, count: 3)  // 48 keys: fills all three words
        let sequence = try #require(KeySequence(text))
        #expect(sequence.count == 48)
        #expect(sequence.description == text)
        #expect(sequence.map(\.character) == Array(text))
    }

    @Test("More keys than the capacity, a non-key or an empty text is refused")
    func refusals() {
        #expect(KeySequence(String(repeating: "1", count: 49)) == nil)
        #expect(KeySequence("12a") == nil)
        #expect(KeySequence("") == nil)
        var full = KeySequence(String(repeating: "9", count: 48))!
        let appended = full.append(DTMFKey(ascii: UInt8(ascii: "1"))!)
        #expect(!appended)
        #expect(full.count == 48)
    }

    @Test("Equal keys make equal sequences; a different key, length or order does not")
    func equality() {
        #expect(KeySequence("0000") == KeySequence("0000"))
        #expect(KeySequence("0000") != KeySequence("000"))
        #expect(KeySequence("12") != KeySequence("21"))
        #expect(KeySequence("1") != KeySequence())
        var built = KeySequence()
        for key in DTMFKey.keys("4321#")! { built.append(key) }
        #expect(built == KeySequence("4321#"))
    }

    @Test("A 32-digit entry, the longest the settings allow, is judged like any other")
    func longestEntry() {
        let pin = String(repeating: "7", count: 32)
        let limits = CallLimits(ringTimeout: 30, responseTimeout: 10, interDigitTimeout: 5, attempts: 1, maxDigits: 32)
        var right = CallHarness(CallPlan(method: .pin(PINCheck(pin)), fraudCode: nil, limits: limits))
        right.answer(); right.listen(); right.press(pin + "#"); right.listen()
        #expect(right.finish?.0 == .verified)
        var tooLong = CallHarness(CallPlan(method: .pin(PINCheck(pin)), fraudCode: nil, limits: limits))
        tooLong.answer(); tooLong.listen(); tooLong.press(pin + "7")
        #expect(tooLong.actions.contains(.entry(.tooLong)))
        #expect(tooLong.denials == 1)
    }
}
