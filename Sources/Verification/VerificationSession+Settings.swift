import Foundation
import VerificationStore
import VoiceCall

/// One setting changed by an administrator.
public struct SettingChange: Sendable {
    /// The key as given.
    public var key: String
    /// The value as `settings show` prints it now.
    public var shown: String
    /// Custom fraud greetings that still speak the previous fraud code (SPEC §3): re-record them.
    public var staleFraudGreetings: [GreetingRecord]
}

extension VerificationSession {
    /// The current settings.
    public func settings() throws -> Settings {
        try store.loadSettings()
    }

    /// Sets one key from its text in one transaction, or throws `SettingsError` and changes nothing.
    /// A caller ID is checked against the number tables (SPEC §6).
    public func changeSetting(_ key: String, to given: String) throws -> SettingChange {
        // The SIP password is stored sealed, never in clear (VerificationSession+SIP.swift).
        let value = key == "sip.password" ? try sealedSIPPassword(given) : given
        let updated = try store.updateSettings { settings in
            try settings.set(key, to: value) { input in
                let check = CallerID.check(input)
                return (check.valid, check.e164, check.reason)
            }
        }
        let shown = SettingKey(rawValue: key).map { updated.value(of: $0) } ?? value
        var stale: [GreetingRecord] = []
        if key == "fraud.code" {
            stale = try store.greetings().filter { $0.type == .fraudGreetingStandard || $0.type == .fraudGreetingPIN }
        }
        return SettingChange(key: key, shown: shown, staleFraudGreetings: stale)
    }
}
