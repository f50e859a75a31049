import Cryptography
import Foundation
import OATH
import VerificationStore
import VoiceCall

/// OATH tokens and authenticator apps (SPEC §9): import, list, activate, delete, enrol, and the
/// code check of the sign-in's *app-code* method.
///
/// Secrets live in the store only as AES-256-GCM boxes sealed under the key in ``secretKeyFile``,
/// bound to their serial number (a box moved to another row does not open). They are opened in
/// memory for one check and never returned, printed or logged.
extension VerificationSession {
    /// Where the sealing key lives: `IVR_KEY_FILE`, else `STATE/secret.key`.
    public var secretKeyFile: SecretKeyFile { engine.secretKeyFile }

    /// Bytes of randomness in an authenticator app's secret: 160 bits (RFC 4226 §4's recommendation).
    public static let appSecretByteCount = 20

    // MARK: Import

    /// Imports a token CSV (SPEC §9): good rows are stored together in one transaction, refused rows
    /// come back with their line and reason (for the error report). Nothing is stored for a refused row.
    ///
    /// - Throws: ``TokenFileError`` when the file as a whole is unusable (not UTF-8, no or wrong
    ///   header): nothing is imported; ``TokenError`` for the key file.
    public func importTokens(csv data: Data) throws -> TokenImportPlan {
        let key = try sealingKey()
        let time = now
        return try store.withTransaction {
            let existing = TokenCSV.Existing(serials: try store.tokenSerials(), countsByUser: try store.tokenCountsByUser())
            let plan = try TokenCSV.plan(data, existing: existing)
            let sealed = try plan.accepted.map { row in
                try Self.sealed(row.seed.secret, record: TokenRecord(
                    serial: row.seed.serial, user: row.seed.user, kind: .hardware, manufacturer: row.seed.manufacturer,
                    model: row.seed.model, interval: row.seed.interval.seconds, createdAt: time), key: key)
            }
            try store.addTokens(sealed)
            return plan
        }
    }

    // MARK: List, activate, delete

    /// Every token and app, or one user's (no secret in them).
    ///
    /// - Throws: ``InvalidInput`` for a malformed user name.
    public func tokens(user name: String? = nil) throws -> [TokenRecord] {
        try store.tokens(user: name.map(Self.userName))
    }

    /// Activates a token with a code valid at `time` (default now): the current step or one either
    /// side. The code's step is remembered, so the same code cannot then sign in.
    ///
    /// - Throws: ``TokenError`` — unknown serial, already activated, code not valid or already used.
    public func activateToken(serial: String, code: String, at time: Date? = nil) throws -> TokenRecord {
        let when = time ?? now
        return try store.withTransaction {
            guard let token = try store.sealedToken(serial: serial) else { throw TokenError.unknownSerial(serial) }
            guard !token.record.isActivated else { throw TokenError.alreadyActivated(token.record.serial) }
            let totp = try self.totp(for: token, key: try openingKey())
            switch totp.verify(code, at: when, lastUsedStep: token.record.lastUsedStep) {
            case .accepted(let step):
                guard try store.markTokenUsed(serial: token.record.serial, step: step, at: when, activate: true),
                      let updated = try store.sealedToken(serial: token.record.serial)
                else { throw TokenError.codeAlreadyUsed(serial: token.record.serial) }
                return updated.record
            case .replayed:
                throw TokenError.codeAlreadyUsed(serial: token.record.serial)
            case .wrong:
                throw TokenError.codeNotValid(serial: token.record.serial)
            }
        }
    }

    /// Deletes a token or app; returns what was deleted.
    public func deleteToken(serial: String) throws -> TokenRecord {
        try store.withTransaction {
            guard let token = try store.sealedToken(serial: serial) else { throw TokenError.unknownSerial(serial) }
            try store.deleteToken(serial: token.record.serial)
            return token.record
        }
    }

    // MARK: Authenticator apps

    /// Enrols an authenticator app for `user`: a fresh random 160-bit secret, 30-second codes, a serial
    /// `app-` + 8 hex digits, and the `otpauth://` URI (issuer = the product name) to show once.
    /// The app must then be activated with one of its codes, like a hardware token.
    ///
    /// - Throws: ``InvalidInput`` for a malformed user name; ``TokenError/tooManyTokens(user:limit:)``
    ///   when the user already has five.
    public func addAuthenticatorApp(user name: String) throws -> AppEnrolment {
        let user = try Self.userName(name)
        let key = try sealingKey()
        let settings = try store.loadSettings()
        let time = now
        return try store.withTransaction {
            let count = try store.tokenCountsByUser()[user, default: 0]
            guard count < TokenImportRules.maxTokensPerUser else {
                throw TokenError.tooManyTokens(user: user.value, limit: TokenImportRules.maxTokensPerUser)
            }
            let known = try store.tokenSerials()
            var serial: String
            repeat { serial = "app-" + Hex.encode(try SecureRandom.bytes(4)) } while known.contains(serial)
            let secret = try SecureRandom.bytes(Self.appSecretByteCount)
            let record = TokenRecord(
                serial: serial, user: user, kind: .app, manufacturer: "", model: "authenticator app",
                interval: TokenInterval.seconds30.seconds, createdAt: time)
            try store.addTokens([try Self.sealed(secret, record: record, key: key)])
            let uri = OTPAuthURI.make(issuer: settings.productName, account: user.value, secret: secret, interval: .seconds30)
            return AppEnrolment(record: record, uri: uri)
        }
    }

    // MARK: Sign-in: the app-code method

    /// Checks a code typed for the *app-code* method (SPEC §8.3 step 4) against every activated token
    /// and app of `user` at `time`, in one transaction.
    ///
    /// An accepted code's step is stored on its token (it can never be accepted again) and the user's
    /// denial counter is cleared. A wrong or replayed code counts one denial for lockout (SPEC §5) —
    /// the caller must not count it again; the caller writes the sign-in log line. Block and lockout
    /// are the caller's first check (SPEC §8.3 step 1); denials while locked are not counted.
    public func verifyAppCode(user: UserName, code: String, at time: Date) throws -> AppCodeVerdict {
        try store.withTransaction {
            let tokens = try store.sealedTokens(user: user).filter(\.record.isActivated)
            guard !tokens.isEmpty else { return .noActivatedToken }
            let key = try openingKey()
            var replayed = false
            for token in tokens {
                switch try totp(for: token, key: key).verify(code, at: time, lastUsedStep: token.record.lastUsedStep) {
                case .accepted(let step):
                    if try store.markTokenUsed(serial: token.record.serial, step: step, at: time, activate: false) {
                        try store.recordVerified(user: user, at: time)
                        return .accepted(serial: token.record.serial)
                    }
                    replayed = true
                case .replayed:
                    replayed = true
                case .wrong:
                    continue
                }
            }
            try store.recordDenial(user: user, at: time)
            return replayed ? .replayed : .wrong
        }
    }

    // MARK: Keys and secrets

    /// The key for sealing new secrets, created on first use — unless tokens are already stored,
    /// which means their key file went missing: making a new one would orphan them.
    func sealingKey() throws -> [UInt8] {
        let file = secretKeyFile
        if let key = try file.load() { return key }
        guard try store.tokens(user: nil).isEmpty else { throw TokenError.keyFileMissing(path: file.url.path) }
        return try file.loadOrCreate()
    }

    /// The key for opening stored secrets; never created here.
    private func openingKey() throws -> [UInt8] {
        let file = secretKeyFile
        guard let key = try file.load() else { throw TokenError.keyFileMissing(path: file.url.path) }
        return key
    }

    /// The associated data a secret is sealed with: its serial, so a box only opens in its own row.
    private static func associatedData(serial: String) -> [UInt8] {
        Array("ivr oath-token v1 \(serial.lowercased())".utf8)
    }

    private static func sealed(_ secret: [UInt8], record: TokenRecord, key: [UInt8]) throws -> SealedToken {
        let box = try AESGCM.seal(secret, key: key, authenticating: associatedData(serial: record.serial))
        return SealedToken(record: record, sealedSecret: Data(box).base64EncodedString())
    }

    private func totp(for token: SealedToken, key: [UInt8]) throws -> TOTP {
        let serial = token.record.serial
        guard let box = Data(base64Encoded: token.sealedSecret),
              let interval = TokenInterval(seconds: token.record.interval)
        else { throw StoreError(.corruptData, "token \(serial) has an unreadable stored secret or interval") }
        let secret: [UInt8]
        do {
            secret = try AESGCM.open([UInt8](box), key: key, authenticating: Self.associatedData(serial: serial))
        } catch {
            throw TokenError.secretUnreadable(serial: serial, keyPath: secretKeyFile.url.path)
        }
        return TOTP(secret: secret, interval: interval) { key, message in HMAC.authenticate(message, key: key, using: .sha1) }
    }
}

extension VerificationEngine {
    /// Where the sealing key lives: `IVR_KEY_FILE`, else `STATE/secret.key`.
    public var secretKeyFile: SecretKeyFile {
        SecretKeyFile.location(environment: ProcessInfo.processInfo.environment, stateDirectory: stateDirectory)
    }

    /// ``VerificationSession/verifyAppCode(user:code:at:)`` on a session of its own.
    public func verifyAppCode(user: UserName, code: String, at time: Date) throws -> AppCodeVerdict {
        try session().verifyAppCode(user: user, code: code, at: time)
    }
}
