import Cryptography
import Foundation
import OATH
import Testing
import Verification
import VerificationStore
import VoiceCall

/// The engine's token operations over a real store and key file (SPEC §9).
@Suite struct TokenServiceTests {
    static let header = "upn,serial number,secret key,time interval,manufacturer,model\n"
    /// Two 160-bit secrets, as Base32 and as bytes.
    static let aliceSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    static let bobSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    static let fixedNow = Date(timeIntervalSince1970: 1_800_000_000)

    private func totp(_ base32: String, _ interval: TokenInterval = .seconds30) throws -> TOTP {
        TOTP(secret: try Base32.decode(base32), interval: interval) { key, message in HMAC.authenticate(message, key: key, using: .sha1) }
    }

    private func importCSV(_ fixture: ServiceFixture, _ rows: String) throws -> TokenImportPlan {
        try fixture.service.importTokens(csv: Data((Self.header + rows).utf8))
    }

    private func standardImport(_ fixture: ServiceFixture) throws {
        let plan = try importCSV(fixture, """
            alice@contoso.com,A-1,\(Self.aliceSecret),30,Contoso,HK1
            bob@contoso.com,B-1,\(Self.bobSecret),60,Contoso,HK2
            carol@contoso.com,C-1,1234567abcdef1234567abcdef,60,Contoso,HardwareKey
            """)
        #expect(plan.accepted.map(\.seed.serial) == ["A-1", "B-1"])
        #expect(plan.refused.map(\.line) == [4])
    }

    @Test func importStoresGoodRowsSealedAndTheDatabaseHoldsNoSecret() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        try standardImport(fixture)
        let tokens = try fixture.service.tokens()
        #expect(tokens.map(\.serial) == ["A-1", "B-1"])
        #expect(tokens.map(\.interval) == [30, 60])
        #expect(tokens.allSatisfy { !$0.isActivated && $0.kind == .hardware })
        #expect(try fixture.service.tokens(user: "bob@contoso.com").map(\.serial) == ["B-1"])

        // The key file: beside the database by default, 32 bytes, owner-only.
        let keyPath = fixture.directory.appendingPathComponent("secret.key").path
        #expect(fixture.service.secretKeyFile.url.path == keyPath)
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.size] as? Int) == 32)

        // Every byte the store wrote (database, WAL, shared memory) lacks each secret, in Base32 or raw.
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).filter { $0.hasPrefix("ivr.sqlite") }
        #expect(files.contains("ivr.sqlite"))
        for secret in [Self.aliceSecret, Self.bobSecret] {
            let needles = [Data(secret.utf8), Data(secret.lowercased().utf8), Data(try Base32.decode(secret)),
                           Data(try Base32.decode(secret).prefix(10))]
            for file in files {
                let bytes = try Data(contentsOf: fixture.directory.appendingPathComponent(file))
                for needle in needles { #expect(bytes.range(of: needle) == nil, "\(file) holds a secret") }
            }
        }
    }

    @Test func activationAcceptsPreviousCurrentAndNextStepRefusesTwoAway() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let rows = (1...4).map { "alice@contoso.com,A-\($0),\(Self.aliceSecret),30,C,M" }.joined(separator: "\n")
        #expect(try importCSV(fixture, rows).accepted.count == 4)
        let token = try totp(Self.aliceSecret)
        let at = Self.fixedNow.addingTimeInterval(7)
        let step = token.step(at: at)
        for (serial, offset) in [("A-1", Int64(-1)), ("A-2", 0), ("A-3", 1)] {
            let record = try fixture.service.activateToken(serial: serial, code: token.code(forStep: step + offset), at: at)
            #expect(record.isActivated && record.lastUsedStep == step + offset && record.activatedAt == at)
        }
        #expect(throws: TokenError.codeNotValid(serial: "A-4")) {
            try fixture.service.activateToken(serial: "A-4", code: token.code(forStep: step - 2), at: at)
        }
        #expect(throws: TokenError.codeNotValid(serial: "A-4")) {
            try fixture.service.activateToken(serial: "a-4", code: token.code(forStep: step + 2), at: at)
        }
        #expect(try fixture.service.tokens().filter(\.isActivated).map(\.serial) == ["A-1", "A-2", "A-3"])
        #expect(throws: TokenError.alreadyActivated("A-1")) {
            try fixture.service.activateToken(serial: "A-1", code: token.code(forStep: step + 1), at: at)
        }
        #expect(throws: TokenError.unknownSerial("NOPE")) { try fixture.service.activateToken(serial: "NOPE", code: "123456", at: at) }
    }

    @Test func appCodesAreAcceptedOnceReplaysAndWrongCodesCountTowardLockout() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        try standardImport(fixture)
        let alice = try UserName("alice@contoso.com")
        let token = try totp(Self.aliceSecret)
        let t = Self.fixedNow
        #expect(try fixture.service.verifyAppCode(user: alice, code: token.code(at: t), at: t) == .noActivatedToken)

        _ = try fixture.service.activateToken(serial: "A-1", code: token.code(at: t), at: t)
        // The activation code itself cannot sign in: replay.
        #expect(try fixture.service.verifyAppCode(user: alice, code: token.code(at: t), at: t) == .replayed)
        let next = t.addingTimeInterval(30)
        #expect(try fixture.service.verifyAppCode(user: alice, code: token.code(at: next), at: next) == .accepted(serial: "A-1"))
        #expect(try fixture.service.verifyAppCode(user: alice, code: token.code(at: next), at: next.addingTimeInterval(5)) == .replayed)
        // An older step than the last used one is a replay too, even if never typed before.
        #expect(try fixture.service.verifyAppCode(user: alice, code: token.code(at: t.addingTimeInterval(-30)), at: t) == .replayed)
        #expect(try fixture.service.tokens(user: alice.value).first?.lastUsedAt == next)

        // The accepted code cleared the first replay's denial; the two replays since count: 2.
        // Three wrong codes more reach the default threshold of 5 and lock the account.
        #expect(try fixture.service.lockout(user: alice, at: next).denials == 2)
        #expect(try fixture.service.verifyAppCode(user: alice, code: "000000", at: next).countsAsDenial)
        #expect(try fixture.service.verifyAppCode(user: alice, code: "abc", at: next) == .wrong)
        #expect(try !fixture.service.lockout(user: alice, at: next.addingTimeInterval(1)).isLocked(at: next.addingTimeInterval(1)))
        #expect(try fixture.service.verifyAppCode(user: alice, code: "12345678", at: next) == .wrong)
        #expect(try fixture.service.lockout(user: alice, at: next.addingTimeInterval(1)).isLocked(at: next.addingTimeInterval(1)),
                "five wrong app codes did not lock the account out")
    }

    @Test func aGoodCodeClearsTheDenialCounter() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        try standardImport(fixture)
        let bob = try UserName("bob@contoso.com")
        let token = try totp(Self.bobSecret, .seconds60)
        let t = Self.fixedNow
        _ = try fixture.service.activateToken(serial: "B-1", code: token.code(at: t), at: t)
        let later = t.addingTimeInterval(120)
        #expect(try fixture.service.verifyAppCode(user: bob, code: "999999", at: later) == .wrong)
        #expect(try fixture.service.lockout(user: bob, at: later).denials == 1)
        #expect(try fixture.service.verifyAppCode(user: bob, code: token.code(at: later), at: later) == .accepted(serial: "B-1"))
        #expect(try fixture.service.lockout(user: bob, at: later).denials == 0)
    }

    @Test func authenticatorAppEnrolsActivatesVerifiesAndTheSixthIsRefused() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let dave = try UserName("dave@contoso.com")
        let enrolment = try fixture.service.addAuthenticatorApp(user: "Dave@contoso.com")
        #expect(enrolment.record.kind == .app && enrolment.record.serial.hasPrefix("app-") && enrolment.record.interval == 30)
        let uri = try #require(URLComponents(string: enrolment.uri))
        #expect(uri.scheme == "otpauth" && uri.host == "totp")
        #expect(uri.path == "/" + Settings.defaultProductName + ":dave@contoso.com")
        #expect(uri.queryItems?.first { $0.name == "issuer" }?.value == Settings.defaultProductName)
        let secret = try #require(uri.queryItems?.first { $0.name == "secret" }?.value)
        #expect(try Base32.decode(secret).count == 20)

        let token = try totp(secret)
        let t = Self.fixedNow
        _ = try fixture.service.activateToken(serial: enrolment.record.serial, code: token.code(at: t), at: t)
        #expect(try fixture.service.verifyAppCode(user: dave, code: token.code(at: t.addingTimeInterval(30)), at: t.addingTimeInterval(30))
            == .accepted(serial: enrolment.record.serial))

        // Two more apps and two hardware tokens make five; the sixth (app or token) is refused.
        _ = try fixture.service.addAuthenticatorApp(user: "Dave@contoso.com")
        _ = try fixture.service.addAuthenticatorApp(user: "Dave@contoso.com")
        let plan = try importCSV(fixture, """
            dave@contoso.com,D-1,\(Self.aliceSecret),30,C,M
            dave@contoso.com,D-2,\(Self.aliceSecret),30,C,M
            dave@contoso.com,D-3,\(Self.aliceSecret),30,C,M
            """)
        #expect(plan.accepted.map(\.seed.serial) == ["D-1", "D-2"])
        #expect(plan.refused.first?.reason.contains("already has 5 tokens and authenticator apps") == true)
        #expect(throws: TokenError.tooManyTokens(user: "dave@contoso.com", limit: 5)) { try fixture.service.addAuthenticatorApp(user: "Dave@contoso.com") }
        #expect(try fixture.service.tokens(user: dave.value).count == 5)

        // Deleting one makes room again.
        _ = try fixture.service.deleteToken(serial: "d-1")
        #expect(try fixture.service.tokens(user: dave.value).count == 4)
        #expect(throws: TokenError.unknownSerial("D-1")) { try fixture.service.deleteToken(serial: "D-1") }
        _ = try fixture.service.addAuthenticatorApp(user: "Dave@contoso.com")
    }

    @Test func aDatabaseCopiedWithoutItsKeyRevealsAndVerifiesNothing() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        try standardImport(fixture)
        let token = try totp(Self.aliceSecret)
        let t = Self.fixedNow
        _ = try fixture.service.activateToken(serial: "A-1", code: token.code(at: t), at: t)

        // A copy of the state without secret.key: no code can be checked, and no new key is made.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path) where name.hasPrefix("ivr.sqlite") {
            try FileManager.default.copyItem(at: fixture.directory.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        let stolen = try VerificationEngine(stateDirectory: copy).session()
        let alice = try UserName("alice@contoso.com")
        let later = t.addingTimeInterval(60)
        #expect(throws: TokenError.keyFileMissing(path: copy.appendingPathComponent("secret.key").path)) {
            try stolen.verifyAppCode(user: alice, code: token.code(at: later), at: later)
        }
        #expect(throws: TokenError.keyFileMissing(path: copy.appendingPathComponent("secret.key").path)) {
            try stolen.importTokens(csv: Data((Self.header + "erin@contoso.com,E-1,\(Self.bobSecret),30,C,M\n").utf8))
        }
        #expect(!FileManager.default.fileExists(atPath: copy.appendingPathComponent("secret.key").path))

        // With another key the sealed secrets do not open.
        let otherKey = copy.appendingPathComponent("secret.key")
        _ = FileManager.default.createFile(atPath: otherKey.path, contents: Data(try AESGCM.generateKey()), attributes: [.posixPermissions: 0o600])
        #expect(throws: TokenError.secretUnreadable(serial: "A-1", keyPath: otherKey.path)) {
            try stolen.verifyAppCode(user: alice, code: token.code(at: later), at: later)
        }
    }

    @Test func aKeyFileOthersCanReadIsRefused() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        try standardImport(fixture)
        let keyPath = fixture.service.secretKeyFile.url.path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyPath)
        #expect(throws: TokenError.keyFile(path: keyPath, problem: "readable by others (mode 644); run chmod 600 on it")) {
            try fixture.service.activateToken(serial: "A-1", code: "123456", at: Self.fixedNow)
        }
    }

    @Test func aFileWithAWrongHeaderImportsNothing() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        #expect(throws: TokenFileError.self) {
            try fixture.service.importTokens(csv: Data("upn,serial,secret\nalice@contoso.com,A-1,\(Self.aliceSecret)\n".utf8))
        }
        #expect(try fixture.service.tokens().isEmpty)
    }
}

/// Two services (two connections, as two processes would have) checking the same code at once:
/// exactly one accepts it; the other sees a replay.
@Suite struct TokenReplayRaceTests {
    private final class Verdicts: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String] = []
        func add(_ value: String) { lock.lock(); values.append(value); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return values.sorted() }
    }

    @Test func aCodeIsAcceptedOnceAcrossConnections() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let secret = TokenServiceTests.aliceSecret
        _ = try fixture.service.importTokens(csv: Data((TokenServiceTests.header + "alice@contoso.com,A-1,\(secret),30,C,M\n").utf8))
        let totp = TOTP(secret: try Base32.decode(secret), interval: .seconds30) { key, message in HMAC.authenticate(message, key: key, using: .sha1) }
        let t = TokenServiceTests.fixedNow
        _ = try fixture.service.activateToken(serial: "A-1", code: totp.code(at: t), at: t)
        let later = t.addingTimeInterval(30)
        let code = totp.code(at: later)
        let alice = try UserName("alice@contoso.com")

        let verdicts = Verdicts()
        let directory = fixture.directory
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let service = try VerificationEngine(stateDirectory: directory)
                    verdicts.add("\(try service.verifyAppCode(user: alice, code: code, at: later))")
                } catch {
                    verdicts.add("error: \(error)")
                }
            }
        }
        group.wait()
        #expect(verdicts.all == ["accepted(serial: \"A-1\")", "replayed"])
    }
}
