import CallScript
import Cryptography
import Foundation
import SignIn
import VerificationStore
import VoiceCall

/// The users directory and named locations (SPEC §8.1, §8.5): what `ivr users` and
/// `ivr locations` do, checked here so every front door gets the same rules.
extension VerificationSession {
    // MARK: Users

    /// Registers (or re-registers) a user with a number, a call method and a language.
    public func addUser(_ name: String, phone: String, method: String = "standard", language: String? = nil) throws -> UserReport {
        let user = try Self.userName(name)
        let number: PhoneNumber
        do {
            number = try PhoneNumber(parsing: phone)
        } catch {
            throw InvalidInput("--phone", "\(error)")
        }
        guard VerificationMethod.Name(rawValue: method) != nil else {
            throw InvalidInput("--method", "must be 'standard' or 'pin'; got '\(method.prefix(40))'")
        }
        if let language {
            do {
                _ = try LanguageTag(language)
            } catch {
                throw InvalidInput("--language", "\(error)")
            }
        }
        let stored = number.e164 + (number.extension.map { " x\($0)" } ?? "")
        try store.addUser(user, phone: stored, method: method, language: language, at: now)
        return try showUser(user.value)
    }

    /// Stores a new PIN for a registered user as a salted PBKDF2 hash (never the PIN).
    public func setPIN(_ name: String, pin: String) throws {
        let user = try Self.userName(name)
        guard PINCheck.isValidPIN(pin) else {
            throw InvalidInput("PIN", "must be 4–8 digits (0-9)")
        }
        guard try store.setPINHash(user, try PINHash.make(pin)) else {
            throw InvalidInput("user", "\(user) is not registered; add them first with ivr users add")
        }
    }

    /// Whether `pin` is the user's registered PIN (compared through the hash).
    public func verifyPIN(_ name: String, pin: String) throws -> Bool {
        let user = try Self.userName(name)
        guard let hash = try store.pinHash(user) else { return false }
        return PINHash.verify(pin, against: hash)
    }

    /// Registration, block, lockout and remembered browsers of one user.
    public func showUser(_ name: String) throws -> UserReport {
        let user = try Self.userName(name)
        let time = now
        let entry = try store.directoryUser(user)
        let block = try store.activeBlock(user: user, at: time)
        let lockout = try store.lockoutState(user: user, at: time)
        let browsers = try store.rememberedBrowsers(user: user).map {
            UserReport.Browser(browser: String($0.browserHash.prefix(12)), issuedAt: $0.issuedAt, until: $0.until, revokedAt: $0.revokedAt)
        }
        return UserReport(
            user: user.value, registered: entry != nil, phone: entry.flatMap { try? PhoneNumber(parsing: $0.phone).masked },
            method: entry?.method, language: entry?.language, hasPIN: entry?.hasPIN ?? false,
            appPassword: entry?.hasAppPassword ?? false, persistentBrowserSession: entry?.persistentBrowserSession ?? false,
            blockedUntil: block?.until, blockReason: block?.reason,
            lockedOutUntil: lockout.isLocked(at: time) ? lockout.lockedUntil : nil, denials: lockout.denials,
            rememberedBrowsers: browsers)
    }

    /// Every registered user.
    public func listDirectory() throws -> [UserReport] {
        try store.directoryUsers().map { try showUser($0.user) }
    }

    /// Records that the user has (or no longer has) an app password.
    public func setAppPassword(_ name: String, present: Bool) throws {
        let user = try Self.userName(name)
        guard try store.setAppPassword(user, present) else {
            throw InvalidInput("user", "\(user) is not registered; add them first with ivr users add")
        }
    }

    /// Puts the user under (or lifts) a persistent-browser-session control.
    public func setPersistentBrowserSession(_ name: String, on: Bool) throws {
        let user = try Self.userName(name)
        guard try store.setPersistentBrowserSession(user, on) else {
            throw InvalidInput("user", "\(user) is not registered; add them first with ivr users add")
        }
    }

    /// Forgets every remembered browser of the user; returns how many were forgotten.
    public func revokeMFASessions(_ name: String) throws -> Int {
        try store.revokeRememberedBrowsers(user: try Self.userName(name), at: now)
    }

    /// What the directory fills into a script for `user` (SPEC §8.1), or `nil` when not registered.
    public func registeredCallee(_ name: String) -> RegisteredCallee? {
        guard let user = try? UserName(name), let entry = try? store.directoryUser(user),
              let method = VerificationMethod.Name(rawValue: entry.method)
        else { return nil }
        return RegisteredCallee(phone: entry.phone, method: method, hasPIN: entry.hasPIN)
    }

    /// A `.call` script as the engine runs it. A `method pin` script without a `pin` line is a
    /// registered user's call: its entries are checked during the call against the PBKDF2 hash the
    /// directory holds (``directoryPINCheck(_:)``), as on a live call. Nothing is stored or printed.
    public func scriptedCall(_ script: CallScriptFile) throws -> ScriptedCall {
        guard script.method == .pin, script.pin == nil else { return try ScriptedCall(script) }
        guard let check = try directoryPINCheck(script.user) else {
            throw CallScriptError(file: script.file, line: script.userLine, message: "'method pin' needs a 'pin' line: \(script.user) has no PIN in the directory")
        }
        return try ScriptedCall(script, pin: check)
    }

    /// The PIN check of a registered user: a verifier over the stored hash (the PIN is never
    /// known here), or `nil` when the user has no PIN in the directory.
    public func directoryPINCheck(_ name: String) throws -> PINCheck? {
        let user = try Self.userName(name)
        guard let hash = try store.pinHash(user) else { return nil }
        return .verifier(label: "the users directory for \(user)") { entry in
            PINHash.verify(String(entry.map(\.character)), against: hash)
        }
    }

    // MARK: Named locations

    /// Adds (or replaces) a trusted named location.
    public func addLocation(_ name: String, ranges: [String]) throws -> NamedLocation {
        let location: NamedLocation
        do {
            location = try NamedLocation(name: name, ranges: ranges)
        } catch {
            throw InvalidInput("location", "\(error)")
        }
        try store.saveNamedLocation(name: location.name, ranges: location.ranges.map(\.description), at: now)
        return location
    }

    public func locations() throws -> [NamedLocation] {
        try store.namedLocations().compactMap { try? NamedLocation(name: $0.name, ranges: $0.ranges) }
    }

    public func removeLocation(_ name: String) throws -> Bool {
        try store.removeNamedLocation(name: name)
    }
}
