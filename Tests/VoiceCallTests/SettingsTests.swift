import Foundation
import Testing
@testable import VoiceCall

/// A caller-ID checker standing in for CallerID.check: accepts `+18665394191` spellings only.
private func fakeCallerID(_ text: String) -> (valid: Bool, e164: String?, reason: String?) {
    let digits = text.filter(\.isNumber)
    if digits == "18665394191" || digits == "8665394191" { return (true, "+18665394191", nil) }
    return (false, nil, "not a US number")
}

@Suite struct SettingsTests {
    @Test func defaultsMatchTheSpec() {
        let s = Settings()
        #expect(s.fraudAllow && s.fraudAutoBlock)
        #expect(s.fraudCode == "0")
        #expect(s.lockoutDenials == 5 && s.lockoutResetMinutes == 10 && s.lockoutUnblockMinutes == 30)
        #expect(s.callerID == nil && s.notificationEmails.isEmpty && s.notificationCommand == nil)
        #expect(s.productName == "the sign-in verification system")
        #expect(s.ringTimeout == 30 && s.responseTimeout == 10 && s.interDigitTimeout == 5)
        #expect(s.attempts == 3 && s.maxDigits == 32)
    }

    @Test func everyKeyHasItsCLIName() {
        #expect(SettingKey.allCases.map(\.name) == [
            "fraud.allow", "fraud.auto-block", "fraud.code", "lockout.denials", "lockout.reset-minutes",
            "lockout.unblock-minutes", "caller-id", "notifications.emails", "notifications.command", "product-name",
            "call.ring-timeout", "call.response-timeout", "call.inter-digit-timeout", "call.attempts", "call.max-digits",
            "sip.trunk", "sip.listen", "sip.transport", "sip.username", "sip.password", "rtp.ports",
            "api.callback-hosts", "throttle.calls-per-number", "throttle.calls-per-user",
            "trusted-ips.allow-private", "trusted-ips.ranges", "trusted-ips.federated-intranet", "methods.call",
            "methods.text", "methods.app-notification", "methods.app-code", "remember-mfa.enabled", "remember-mfa.days",
            "kmsi.show",
        ])
    }

    static let accepted: [(String, String, String)] = [
        // key, input, shown afterwards
        ("fraud.allow", "off", "off"), ("fraud.allow", "ON", "on"), ("fraud.allow", "false", "off"),
        ("fraud.allow", "yes", "on"), ("fraud.auto-block", "off", "off"), ("fraud.auto-block", "true", "on"),
        ("fraud.code", "19", "19"), ("fraud.code", "*", "*"), ("fraud.code", "12345678", "12345678"),
        ("fraud.code", " 0* ", "0*"),
        ("lockout.denials", "1", "1"), ("lockout.denials", "100", "100"),
        ("lockout.reset-minutes", "1", "1"), ("lockout.reset-minutes", "43200", "43200"),
        ("lockout.unblock-minutes", "1", "1"), ("lockout.unblock-minutes", "43200", "43200"),
        ("caller-id", "+1 (866) 539 4191", "+18665394191"), ("caller-id", "866-539-4191", "+18665394191"),
        ("caller-id", "default", "default"),
        ("notifications.emails", "sec@contoso.com", "sec@contoso.com"),
        ("notifications.emails", "a@x.org, b.c+tag@y.example.com", "a@x.org,b.c+tag@y.example.com"),
        ("notifications.emails", "a@x.org,A@X.org", "a@x.org"),
        ("notifications.emails", "none", "none"), ("notifications.emails", "", "none"),
        ("notifications.command", "/usr/sbin/sendmail -t", "/usr/sbin/sendmail -t"),
        ("notifications.command", "none", "none"), ("notifications.command", "NONE", "none"),
        ("sip.trunk", "sip:trunk.example.net", "sip:trunk.example.net"), ("sip.trunk", "None", "none"),
        ("sip.username", "ivr-account", "ivr-account"), ("sip.username", "none", "none"),
        ("product-name", "Contoso Sign-In", "Contoso Sign-In"), ("product-name", String(repeating: "é", count: 100), String(repeating: "é", count: 100)),
        ("call.ring-timeout", "5", "5"), ("call.ring-timeout", "120", "120"),
        ("call.response-timeout", "1", "1"), ("call.response-timeout", "60", "60"),
        ("call.inter-digit-timeout", "1", "1"), ("call.inter-digit-timeout", "30", "30"),
        ("call.attempts", "1", "1"), ("call.attempts", "10", "10"),
        ("call.max-digits", "1", "1"), ("call.max-digits", "32", "32"),
        ("api.callback-hosts", "none", "none"), ("api.callback-hosts", "IDP.Contoso.com", "idp.contoso.com"),
        ("api.callback-hosts", "idp.contoso.com:8443, 10.0.0.5,[::1]:9000", "idp.contoso.com:8443,10.0.0.5,[::1]:9000"),
        ("throttle.calls-per-number", "1", "1"), ("throttle.calls-per-number", "1000", "1000"),
        ("throttle.calls-per-user", "1", "1"), ("throttle.calls-per-user", "1000", "1000"),
    ]

    @Test(arguments: accepted)
    func acceptsGoodValues(_ entry: (String, String, String)) throws {
        let (key, input, shown) = entry
        var settings = Settings()
        try settings.set(key, to: input, callerIDCheck: fakeCallerID)
        #expect(settings.value(of: try #require(SettingKey(rawValue: key))) == shown)
    }

    static let refused: [(String, String)] = [
        ("fraud.allow", "maybe"), ("fraud.allow", ""), ("fraud.auto-block", "2"),
        ("fraud.code", ""), ("fraud.code", "0#"), ("fraud.code", "#"), ("fraud.code", "123456789"),
        ("fraud.code", "1a"), ("fraud.code", "A"), ("fraud.code", "٣"),
        ("lockout.denials", "0"), ("lockout.denials", "101"), ("lockout.denials", "-1"), ("lockout.denials", "five"),
        ("lockout.denials", "5.0"), ("lockout.denials", "+5"), ("lockout.denials", "99999999999999999999999"),
        ("lockout.reset-minutes", "0"), ("lockout.reset-minutes", "43201"),
        ("lockout.unblock-minutes", "0"), ("lockout.unblock-minutes", "43201"),
        ("caller-id", "+1 416 555 0100"), ("caller-id", ""),
        ("notifications.emails", "not-an-address"), ("notifications.emails", "a@x.org,,b@y.org"),
        ("notifications.emails", "a@x.org\nBcc: evil@z.org"), ("notifications.emails", "a b@x.org"),
        ("notifications.emails", "<a@x.org>"), ("notifications.emails", "a@x..org"), ("notifications.emails", "a@-x.org"),
        ("notifications.emails", "Name <a@x.org>"), ("notifications.emails", "a@x.org;b@y.org"),
        ("notifications.command", ""), ("notifications.command", "sendmail -t\nrm -rf /"),
        ("product-name", ""), ("product-name", "   "), ("product-name", String(repeating: "x", count: 101)),
        ("product-name", "Contoso\u{7}"), ("product-name", "Con\ntoso"),
        ("call.ring-timeout", "4"), ("call.ring-timeout", "121"),
        ("call.response-timeout", "0"), ("call.response-timeout", "61"),
        ("call.inter-digit-timeout", "0"), ("call.inter-digit-timeout", "31"),
        ("call.attempts", "0"), ("call.attempts", "11"),
        ("call.max-digits", "0"), ("call.max-digits", "33"),
        ("api.callback-hosts", "http://idp.contoso.com"), ("api.callback-hosts", "idp.contoso.com:0"),
        ("api.callback-hosts", "idp.contoso.com:70000"), ("api.callback-hosts", "a,,b"), ("api.callback-hosts", "bad_host"),
        ("api.callback-hosts", "-x.org"), ("api.callback-hosts", "[::1"), ("api.callback-hosts", "x.org\nevil"),
        ("throttle.calls-per-number", "0"), ("throttle.calls-per-number", "1001"),
        ("throttle.calls-per-user", "0"), ("throttle.calls-per-user", "1001"),
    ]

    @Test(arguments: refused)
    func refusesBadValuesAndChangesNothing(_ entry: (String, String)) throws {
        let (key, input) = entry
        var settings = Settings()
        let error = #expect(throws: SettingsError.self) {
            try settings.set(key, to: input, callerIDCheck: fakeCallerID)
        }
        #expect(error?.code == .invalidValue)
        #expect(error?.key == key)
        #expect(error?.message.hasPrefix(key + ":") == true)
        #expect(error?.message.contains("allowed:") == true)
        #expect(error?.message.contains("\n") == false)
        #expect(settings == Settings())
    }

    @Test func rangeErrorsNameTheRange() throws {
        var settings = Settings()
        let error = #expect(throws: SettingsError.self) {
            try settings.set("call.ring-timeout", to: "200", callerIDCheck: fakeCallerID)
        }
        #expect(error?.message.contains("5 to 120") == true)
    }

    @Test func callerIDRefusalCarriesTheCheckersReason() {
        var settings = Settings()
        let error = #expect(throws: SettingsError.self) {
            try settings.set("caller-id", to: "+1 416 555 0100", callerIDCheck: fakeCallerID)
        }
        #expect(error?.message.contains("not a US number") == true)
    }

    @Test func unknownKeyListsTheKeys() {
        var settings = Settings()
        let error = #expect(throws: SettingsError.self) {
            try settings.set("fraud.enabled", to: "on", callerIDCheck: fakeCallerID)
        }
        #expect(error?.code == .unknownKey)
        for key in SettingKey.allCases { #expect(error?.message.contains(key.name) == true) }
    }

    @Test func shownValuesSetBackGiveTheSameSettings() throws {
        var original = Settings()
        try original.set("fraud.code", to: "9*", callerIDCheck: fakeCallerID)
        try original.set("caller-id", to: "8665394191", callerIDCheck: fakeCallerID)
        try original.set("notifications.emails", to: "a@x.org,b@y.org", callerIDCheck: fakeCallerID)
        try original.set("notifications.command", to: "/usr/sbin/sendmail -t", callerIDCheck: fakeCallerID)
        try original.set("fraud.allow", to: "off", callerIDCheck: fakeCallerID)
        try original.set("call.attempts", to: "7", callerIDCheck: fakeCallerID)
        for base in [Settings(), original] {
            var copy = Settings()
            for key in SettingKey.allCases {
                try copy.set(key.name, to: base.value(of: key), callerIDCheck: fakeCallerID)
            }
            #expect(copy == base)
        }
    }

    @Test func decodingOldJSONKeepsDefaultsForMissingKeys() throws {
        let json = #"{"fraudCode":"7","attempts":4}"#
        let settings = try JSONDecoder().decode(Settings.self, from: Data(json.utf8))
        var expected = Settings()
        expected.fraudCode = "7"
        expected.attempts = 4
        #expect(settings == expected)
    }

    @Test func codableRoundTrip() throws {
        var settings = Settings()
        settings.callerID = "+18665394191"
        settings.notificationEmails = ["a@x.org"]
        settings.notificationCommand = "cat"
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(Settings.self, from: data) == settings)
    }

    @Test func theTableNamesEveryKeyOnceAndStoresEachUnderItsOwnName() throws {
        let keys = SettingKey.allCases
        #expect(Set(keys.map(\.name)).count == keys.count)
        #expect(Set(keys.map(\.storedName)).count == keys.count)
        for key in keys { #expect(key.defaultValue == Settings().value(of: key)) }
        var changed = Settings()
        changed.fraudCode = "42"
        changed.callerID = "+18665394191"
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(changed)) as? [String: Any]
        let stored = Set(try #require(object).keys)
        for key in keys where key.name != "notifications.command" { #expect(stored.contains(key.storedName)) }
        #expect(object?["fraudCode"] as? String == "42")
    }

    @Test func aStoredValueOfTheWrongTypeIsAnError() {
        let json = #"{"attempts":"many"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Settings.self, from: Data(json.utf8)) }
    }
}
