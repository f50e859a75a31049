import Testing
@testable import VoiceCall

/// Issue 12: a caller ID holding a line break (or any control character) is refused, wherever it sits.
@Suite struct CallerIDLineBreakTests {
    @Test("line breaks and control characters are refused", arguments: ["+1 425 555\n0100", "+14255550100\r\n", "\n+14255550100", "+1425555\u{0}0100", "+1 425 555\u{2028}0100"])
    func refused(input: String) {
        let verdict = CallerID.check(input)
        #expect(!verdict.valid)
        #expect(verdict.e164 == nil)
        #expect(verdict.reason == "a caller ID cannot contain a line break or another control character")
    }

    @Test("the same number without them is accepted")
    func accepted() {
        #expect(CallerID.check("+1 425 555 0100").valid)
    }

    @Test("settings refuse a line break in any value, even at its end")
    func settingsRefuse() {
        var settings = Settings()
        #expect(throws: SettingsError.self) {
            try settings.set("product-name", to: "Contoso\n", callerIDCheck: { _ in (true, "+14255550100", nil) })
        }
        #expect(settings == Settings())
    }
}
