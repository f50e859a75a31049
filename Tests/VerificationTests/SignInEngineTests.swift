import CallScript
import Cryptography
import Foundation
import OATH
import Testing
import VerificationStore
import VoiceCall

@testable import Verification

/// The engine's sign-in operations over a real state directory (SPEC §8).
@Suite("Sign-in engine")
struct SignInEngineTests {
    static func signIn(_ fixture: ServiceFixture, _ text: String) throws -> SignInReport {
        let session = fixture.service
        let script = try SignInScriptParser.parse(text, file: "t.signin", now: session.now, directory: session.registeredCallee)
        return try session.signIn(script)
    }

    @Test("set-pin stores a salted PBKDF2 hash that verifies the PIN and nothing else")
    func pinHash() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        _ = try fixture.service.addUser("alice@contoso.com", phone: "+1 425 555 0100", method: "pin")
        try fixture.service.setPIN("alice@contoso.com", pin: "7315")
        #expect(try fixture.service.verifyPIN("alice@contoso.com", pin: "7315"))
        #expect(try !fixture.service.verifyPIN("alice@contoso.com", pin: "7316"))
        #expect(throws: InvalidInput.self) { try fixture.service.setPIN("alice@contoso.com", pin: "12") }
        #expect(throws: InvalidInput.self) { try fixture.service.setPIN("nobody@contoso.com", pin: "1234") }
        let hash = try #require(try fixture.service.store.pinHash(try UserName("alice@contoso.com")))
        #expect(hash.hasPrefix("pbkdf2-sha256$600000$") && !hash.contains("7315"))
        // Two hashes of one PIN differ: the salt is random.
        #expect(try PINHash.make("7315") != PINHash.make("7315"))
    }

    @Test("a registered user's call needs no phone, method or pin line; the PIN is checked through the hash")
    func directoryFillsTheCall() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        _ = try fixture.service.addUser("pat@contoso.com", phone: "+1 425 555 0100", method: "pin")
        try fixture.service.setPIN("pat@contoso.com", pin: "2468")
        let session = fixture.service
        func call(_ keys: String, at time: String) throws -> CallReport {
            let script = try CallScriptParser.parse(
                "user pat@contoso.com\nat \(time)\nanswer\nlisten\npress \(keys)\nlisten\n", file: "p.call", directory: session.registeredCallee)
            #expect(script.phone == "+14255550100" && script.method == .pin && script.pin == nil)
            return try session.run(script)
        }
        #expect(try call("2468#", at: "2026-11-25T10:00:00Z").result == .verified)
        #expect(try call("1357#", at: "2026-11-25T10:05:00Z").detail == .invalidPIN)
        // What the script states wins over the directory.
        let stated = try CallScriptParser.parse(
            "user pat@contoso.com\nphone +1 425 555 0199\nmethod standard\nanswer\n", file: "s.call", directory: session.registeredCallee)
        #expect(stated.phone == "+1 425 555 0199" && stated.method == .standard)
        // An unregistered user still needs the phone line.
        #expect(throws: CallScriptError.self) {
            try CallScriptParser.parse("user nobody@contoso.com\nanswer\n", file: "n.call", directory: session.registeredCallee)
        }
    }

    @Test("text method: 6-digit code, 3 tries, 5 minutes, the body sealed in the outbox")
    func textCode() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        _ = try fixture.service.addUser("alice@contoso.com", phone: "+1 425 555 0100")
        let base = "user alice@contoso.com\nat 2026-11-25T10:00:00Z\nip 203.0.113.7\nmethod text\n"
        #expect(try Self.signIn(fixture, base + "code sent\n").result == "granted")
        #expect(try Self.signIn(fixture, base + "code 0000001 sent\n").result == "granted")
        let used = try Self.signIn(fixture, base + "code 0000001 0000002 0000003 sent\n")
        #expect(used.result == "denied" && used.detail.contains("too many wrong codes"))
        let none = try Self.signIn(fixture, base)
        #expect(none.result == "denied")
        let outbox = try fixture.service.store.smsOutbox()
        #expect(outbox.count == 4)
        #expect(outbox.allSatisfy { $0.maskedNumber == "+*********00" && $0.expiresAt.timeIntervalSince($0.createdAt) == 300 })
        #expect(outbox.map(\.triesLeft) == [2, 1, 0, 3])
        // The store refuses a try after five minutes, whatever the code.
        let last = try #require(outbox.last)
        #expect(try fixture.service.store.trySMSCode(id: last.id, at: last.createdAt.addingTimeInterval(301)) { _ in true } == .expired)
        let code = try VerificationSession.oneTimeCode()
        #expect(code.count == 6 && code.allSatisfy(\.isNumber))
    }

    @Test("a user without a phone number cannot get a text, nor an app code without an activated token")
    func unavailableMethods() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let text = try Self.signIn(fixture, "user zed@contoso.com\nip 203.0.113.7\nmethod text\ncode sent\n")
        #expect(text.result == "denied" && text.detail.contains("no phone number is registered"))
        let app = try Self.signIn(fixture, "user zed@contoso.com\nip 203.0.113.7\nmethod app-code\ncode 123456\n")
        #expect(app.result == "denied" && app.detail.contains("no activated OATH token"))
    }

    @Test("app-code: the TOTP code of an activated token verifies once; a replay is refused")
    func appCode() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        let csv = "upn,serial number,secret key,time interval,manufacturer,model\nalice@contoso.com,SI-1,\(secret),30,Contoso,T1\n"
        _ = try fixture.service.importTokens(csv: Data(csv.utf8))
        let totp = TOTP(secret: try Base32.decode(secret), interval: .seconds30) { key, message in
            HMAC.authenticate(message, key: key, using: .sha1)
        }
        let now = fixture.service.now
        _ = try fixture.service.activateToken(serial: "SI-1", code: totp.code(at: now.addingTimeInterval(-60)), at: now.addingTimeInterval(-60))
        let code = totp.code(at: now)
        let wrong = code == "000000" ? "000001" : "000000"
        let base = "user alice@contoso.com\nip 203.0.113.7\nmethod app-code\n"
        let first = try Self.signIn(fixture, base + "code \(wrong) \(code)\n")
        #expect(first.result == "granted" && first.method == "app-code")
        let replay = try Self.signIn(fixture, base + "code \(code)\n")
        #expect(replay.result == "denied" && replay.detail.contains("replay"))
    }

    @Test("remember-MFA: day N−1 bypassed, day N+1 prompted; another browser prompted; revoke forgets")
    func rememberWindow() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        _ = try fixture.service.changeSetting("remember-mfa.enabled", to: "on")
        _ = try fixture.service.changeSetting("remember-mfa.days", to: "14")
        let first = try Self.signIn(fixture, "user bob@contoso.com\nat 2026-11-01T09:00:00Z\nip 203.0.113.7\nbrowser b-1\nremember\nmethod app-notification\napprove\n")
        #expect(first.rememberedUntil == Date(timeIntervalSince1970: 1_793_523_600 + 14 * 86_400))
        func at(_ time: String, browser: String = "b-1") throws -> SignInReport {
            try Self.signIn(fixture, "user bob@contoso.com\nat \(time)\nip 203.0.113.7\nbrowser \(browser)\nmethod app-notification\napprove\n")
        }
        #expect(try at("2026-11-14T09:00:00Z").bypass == "remembered-device")
        #expect(try at("2026-11-16T09:00:00Z").bypass == nil)
        #expect(try at("2026-11-02T09:00:00Z", browser: "b-2").bypass == nil)
        // Another user on the same browser is not remembered.
        let other = try Self.signIn(fixture, "user carol@contoso.com\nat 2026-11-02T09:00:00Z\nip 203.0.113.7\nbrowser b-1\nmethod app-notification\napprove\n")
        #expect(other.bypass == nil)
        #expect(try fixture.service.revokeMFASessions("bob@contoso.com") == 1)
        #expect(try at("2026-11-02T09:00:00Z").bypass == nil)
        // The store holds only a hash of the browser id.
        let stored = try fixture.service.store.rememberedBrowsers(user: try UserName("bob@contoso.com"))
        #expect(stored.allSatisfy { $0.browserHash.count == 64 && !$0.browserHash.contains("b-1") })
    }

    @Test("a blocked user is denied before any bypass, and the sign-in is logged once")
    func blockedAndLoggedOnce() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        _ = try fixture.service.changeSetting("trusted-ips.ranges", to: "40.77.182.32/27")
        _ = try fixture.service.block(user: "mallory@contoso.com", reason: "test")
        let report = try Self.signIn(fixture, "user mallory@contoso.com\nip 40.77.182.40\n")
        #expect(report.result == "denied" && report.steps.map(\.step) == ["access"])
        _ = try fixture.service.addUser("alice@contoso.com", phone: "+1 425 555 0100")
        let before = try fixture.service.signInLog().count
        let called = try Self.signIn(fixture, "user alice@contoso.com\nip 203.0.113.7\ncall\n  answer\n  listen\n  press #\n")
        #expect(called.result == "granted" && called.call?.result == .verified)
        #expect(try fixture.service.signInLog().count == before + 1)
        let log = try fixture.service.signInLog()
        #expect(log.last?.signIn?.method == "call" && log.last?.callerID != nil)
    }
}
