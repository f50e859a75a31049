import Foundation
import Testing

@testable import VoiceCall

@Suite("Sign-in settings (SPEC §8.5)")
struct SignInSettingsTests {
    static let noCallerID: @Sendable (String) -> (valid: Bool, e164: String?, reason: String?) = { _ in (false, nil, nil) }

    static func set(_ settings: inout Settings, _ key: String, _ value: String) throws(SettingsError) {
        try settings.set(key, to: value, callerIDCheck: noCallerID)
    }

    @Test("defaults: no trusted ranges, all methods on, remember off for 90 days, KMSI shown")
    func defaults() {
        let settings = Settings()
        #expect(settings.value(of: SettingKey(rawValue: "trusted-ips.ranges")!) == "none")
        #expect(settings.methodSwitches.enabled.count == 4)
        #expect(!settings.rememberMFAEnabled && settings.rememberMFADays == 90 && settings.kmsiShow)
    }

    @Test("trusted ranges: public accepted; private refused until on-premises mode, which then cannot be turned off")
    func trustedRanges() throws {
        var settings = Settings()
        try Self.set(&settings, "trusted-ips.ranges", "40.77.182.32/27, 198.51.100.7/32")
        #expect(settings.trustedIPRanges == ["40.77.182.32/27", "198.51.100.7/32"])
        let before = settings
        #expect(throws: SettingsError.self) { try Self.set(&settings, "trusted-ips.ranges", "10.0.0.0/8") }
        #expect(settings == before)
        try Self.set(&settings, "trusted-ips.allow-private", "on")
        try Self.set(&settings, "trusted-ips.ranges", "10.0.0.0/8")
        #expect(throws: SettingsError.self) { try Self.set(&settings, "trusted-ips.allow-private", "off") }
        #expect(settings.trustedIPsAllowPrivate)
        do {
            try Self.set(&settings, "trusted-ips.ranges", "2001:db8::/32")
            Issue.record("IPv6 accepted")
        } catch {
            #expect(error.message.contains("named locations"))
        }
    }

    @Test("the last method cannot be turned off; two-way text is refused with its date")
    func methods() throws {
        var settings = Settings()
        try Self.set(&settings, "methods.call", "off")
        try Self.set(&settings, "methods.text", "off")
        try Self.set(&settings, "methods.app-notification", "off")
        #expect(throws: SettingsError.self) { try Self.set(&settings, "methods.app-code", "off") }
        #expect(settings.methodAppCode)
        do {
            try Self.set(&settings, "methods.two-way-text", "on")
            Issue.record("two-way accepted")
        } catch {
            #expect(error.message.contains("2018-11-14"))
            #expect(error.code == .invalidValue)
        }
    }

    @Test("remember-mfa.days: 1–365 with advice under 90")
    func rememberDays() throws {
        var settings = Settings()
        try Self.set(&settings, "remember-mfa.days", "30")
        #expect(SettingKey.advisory(after: "remember-mfa.days", value: String(settings.rememberMFADays))?.contains("90") == true)
        try Self.set(&settings, "remember-mfa.days", "120")
        #expect(SettingKey.advisory(after: "remember-mfa.days", value: String(settings.rememberMFADays)) == nil)
        #expect(throws: SettingsError.self) { try Self.set(&settings, "remember-mfa.days", "366") }
        #expect(settings.rememberMFADays == 120)
    }

    @Test("the policy the pipeline reads reflects the settings")
    func policy() throws {
        var settings = Settings()
        try Self.set(&settings, "trusted-ips.ranges", "40.77.182.32/27")
        try Self.set(&settings, "kmsi.show", "off")
        try Self.set(&settings, "methods.text", "off")
        let policy = settings.signInPolicy(namedLocations: [])
        #expect(policy.trustedIPs.ranges.map(\.description) == ["40.77.182.32/27"])
        #expect(!policy.kmsiShow)
        #expect(!policy.methods.isEnabled(.text) && policy.methods.isEnabled(.call))
    }
}
