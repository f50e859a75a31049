import Foundation
import Testing
import VoiceCall
@testable import VerificationStore

@Suite struct SettingsStoreTests {
    private static func noCallerID(_ text: String) -> (valid: Bool, e164: String?, reason: String?) { (false, nil, "no") }

    @Test func freshStateHasDefaults() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            #expect(try store.loadSettings() == Settings())
        }
    }

    @Test func settingsRoundTripAcrossConnections() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let saved = try store.updateSettings { s in
                try s.set("fraud.code", to: "19", callerIDCheck: Self.noCallerID)
                try s.set("notifications.emails", to: "a@x.org,b@y.org", callerIDCheck: Self.noCallerID)
                try s.set("product-name", to: "Contoso \"Sign-In\" ✓", callerIDCheck: Self.noCallerID)
                s.callerID = "+18665394191"
            }
            let reopened = try VerificationStore(directory: dir)
            #expect(try reopened.loadSettings() == saved)
            #expect(saved.fraudCode == "19" && saved.notificationEmails == ["a@x.org", "b@y.org"])
        }
    }

    @Test func aFailingUpdateChangesNothing() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            try store.updateSettings { $0.attempts = 4 }
            let before = try store.loadSettings()
            #expect(throws: SettingsError.self) {
                try store.updateSettings { s in
                    try s.set("call.attempts", to: "7", callerIDCheck: Self.noCallerID)  // applied to the copy...
                    try s.set("call.ring-timeout", to: "999", callerIDCheck: Self.noCallerID)  // ...then refused
                }
            }
            #expect(try store.loadSettings() == before)
            #expect(try VerificationStore(directory: dir).loadSettings().attempts == 4)
        }
    }

    @Test func updatesNestInsideATransactionAndRollBackTogether() throws {
        struct Abort: Error {}
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            #expect(throws: Abort.self) {
                try store.withTransaction {
                    try store.updateSettings { $0.attempts = 9 }
                    try store.recordCall(wrongPINCall("alice@contoso.com", at: t0))
                    throw Abort()
                }
            }
            #expect(try store.loadSettings().attempts == 3)
            #expect(try store.signInCount() == 0)
            // An inner failure rolls back only the inner part.
            do {
                try store.withTransaction {
                    try store.updateSettings { $0.attempts = 8 }
                    _ = try? store.updateSettings { _ in throw Abort() }
                }
            } catch {
                Issue.record("second: \(error)")
            }
            #expect(try store.loadSettings().attempts == 8)
        }
    }
}
