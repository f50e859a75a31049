import CallScript
import Cryptography
import Foundation
import SignIn
import VerificationStore
import VoiceCall

/// `ivr signin`: runs one `.signin` script through the pure pipeline of SPEC §8.3, carrying out
/// the method it asks for (the call through the engine, the SMS code through the outbox), then
/// records one sign-in log record and any remembered browser.
extension VerificationSession {
    /// How long a text code is valid, and how many tries it allows (SPEC §8.3).
    public static let smsCodeLifetime: TimeInterval = 300
    public static let smsCodeTries = 3

    /// Parses a `.signin` file with the directory filling what the script leaves out.
    public func parseSignIn(contentsOf url: URL) throws(CallScriptError) -> SignInScriptFile {
        try SignInScriptParser.parse(contentsOf: url, now: now, directory: registeredCallee)
    }

    /// Runs one parsed sign-in end to end and records it.
    public func signIn(_ script: SignInScriptFile) throws -> SignInReport {
        var attempt = script.attempt
        if script.startTime == nil { attempt.time = now }
        let user: UserName
        do {
            user = try UserName(attempt.user)
        } catch {
            throw CallScriptError(file: script.file, line: script.userLine, message: "\(error)")
        }
        let context = try signInContext(attempt, user: user)
        var call: CallReport?
        var callRecord: Int64?
        let decision: SignInDecision
        switch SignInPipeline.start(attempt, context) {
        case .decided(let decided):
            decision = decided
        case .needsMethod(let pending):
            let ran = try runMethod(pending.method, script: script, attempt: attempt, user: user)
            (call, callRecord) = (ran.call?.report, ran.call?.recorded.signInID)
            decision = pending.finish(ran.outcome)
        }

        if let until = decision.rememberedUntil, let browser = attempt.browserID {
            try store.rememberBrowser(user: user, browserHash: Self.browserHash(browser), issuedAt: attempt.time, until: until)
        }
        let outcome = Self.outcomeRecord(decision, attempt)
        if let callRecord {
            try store.attachSignInOutcome(toSignIn: callRecord, outcome)
        } else {
            let entry = try store.directoryUser(user)
            let masked = entry.flatMap { try? PhoneNumber(parsing: $0.phone).masked } ?? "none"
            // The log's typed call fields get the nearest call words; the sign-in's own outcome is
            // what the record shows (SignInRecord.signIn).
            let (result, detail) = Self.callWords(decision, access: context.access)
            let record = SignInRecord(
                time: attempt.time, user: user.value, maskedNumber: masked, method: .standard, callerID: nil,
                language: entry?.language.flatMap { try? LanguageTag($0) } ?? .englishUS, prompts: [],
                result: result, detail: detail)
            try store.recordSignIn(record, outcome: outcome)
        }
        return SignInReport(file: script.file, decision: decision, user: user.value, call: call)
    }

    /// The settings, named locations and this user's state, as the pipeline reads them.
    func signInContext(_ attempt: SignInAttempt, user: UserName) throws -> SignInContext {
        let settings = try store.loadSettings()
        let access: SignInContext.Access
        switch try store.checkAccess(user: user, at: attempt.time) {
        case .blocked: access = .blocked
        case .lockedOut: access = .lockedOut
        case .allowed: access = .allowed
        }
        let entry = try store.directoryUser(user)
        let issued = try attempt.browserID.flatMap {
            try store.rememberedBrowserIssue(user: user, browserHash: Self.browserHash($0))
        }
        return SignInContext(
            access: access, policy: settings.signInPolicy(namedLocations: try locations()), rememberedBrowserIssuedAt: issued,
            userHasAppPassword: entry?.hasAppPassword ?? false, persistentBrowserSession: entry?.persistentBrowserSession ?? false)
    }

    /// Carries out the verification method the pipeline asked for.
    /// The call goes through the engine's own seam (request → prepare → channel → conclude), so it
    /// is logged once, by the call, and the sign-in's outcome is attached to that record.
    private func runMethod(
        _ method: SignInMethod, script: SignInScriptFile, attempt: SignInAttempt, user: UserName
    ) throws -> (outcome: MethodOutcome, call: CallConclusion?) {
        switch method {
        case .call:
            guard case .call(var callScript) = script.evidence else {
                // No call block: the person does not answer.
                return (MethodOutcome(verified: false, detail: ResultDetail.notAnswered.rawValue), nil)
            }
            callScript.startTime = attempt.time
            let scripted = try scriptedCall(callScript)
            var conclusion = try call(scripted.request, through: scripted.channel)
            conclusion.report.file = scripted.file
            let report = conclusion.report
            return (MethodOutcome(verified: report.result == .verified, detail: report.detail.rawValue), conclusion)
        case .text:
            let codes: [SignInScriptFile.TypedCode]
            if case .codes(let typed, _) = script.evidence { codes = typed } else { codes = [] }
            return (try textCode(user: user, at: attempt.time, typed: codes), nil)
        case .appNotification:
            guard case .notification(let answer, _) = script.evidence else { return (.notification(.ignore), nil) }
            return (.notification(answer), nil)
        case .appCode:
            let codes: [SignInScriptFile.TypedCode]
            if case .codes(let typed, _) = script.evidence { codes = typed } else { codes = [] }
            return (try appCode(user: user, at: attempt.time, typed: codes), nil)
        }
    }

    /// Sends a one-time code by SMS (sealed in the outbox) and tries the typed codes in order.
    private func textCode(user: UserName, at time: Date, typed: [SignInScriptFile.TypedCode]) throws -> MethodOutcome {
        guard let entry = try store.directoryUser(user), let number = try? PhoneNumber(parsing: entry.phone) else {
            return .code(.unavailable("no phone number is registered for text messages (ivr users add)"))
        }
        // The key file of SPEC §9 (`IVR_KEY_FILE`): SMS bodies are sealed like token secrets.
        let key = try sealingKey()
        let code = try Self.oneTimeCode()
        let settings = try store.loadSettings()
        let body = "\(code) is your verification code for \(settings.productName). It expires in 5 minutes."
        let sealed = try AESGCM.seal(Array(body.utf8), key: key, authenticating: Array(user.value.utf8))
        let id = try store.queueSMS(
            user: user, maskedNumber: number.masked, sealedBody: Data(sealed).base64EncodedString(),
            codeHash: Self.codeHash(code, user: user, key: key), at: time, expiresAt: time.addingTimeInterval(Self.smsCodeLifetime),
            tries: Self.smsCodeTries)
        guard !typed.isEmpty else { return .code(.wrong).with(detail: "MFA denied; no verification code was entered") }
        var verdict = SMSCodeVerdict.noCodeSent
        for entry in typed {
            let attemptCode: String
            switch entry {
            case .digits(let digits): attemptCode = digits
            case .sent: attemptCode = try readBackCode(messageID: id, user: user, key: key)
            }
            verdict = try store.trySMSCode(id: id, at: time) { stored in
                ConstantTime.equal(Array(Self.codeHash(attemptCode, user: user, key: key).utf8), Array(stored.utf8))
            }
            if verdict != .wrong { break }
        }
        switch verdict {
        case .accepted: return .code(.accepted)
        case .wrong: return .code(.wrong)
        case .expired: return .code(.expired)
        case .noTriesLeft: return .code(.noTriesLeft)
        case .noCodeSent: return .code(.noCodeSent)
        }
    }

    /// Checks the typed codes in order against the user's activated OATH tokens (SPEC §9), until
    /// one is accepted; each wrong or replayed code counts as a denial for lockout.
    private func appCode(user: UserName, at time: Date, typed: [SignInScriptFile.TypedCode]) throws -> MethodOutcome {
        guard !typed.isEmpty else { return .code(.wrong).with(detail: "MFA denied; no verification code was entered") }
        var verdict = AppCodeVerdict.wrong
        for entry in typed {
            guard case .digits(let code) = entry else { continue }
            verdict = try verifyAppCode(user: user, code: code, at: time)
            switch verdict {
            case .accepted: return .code(.accepted)
            case .noActivatedToken: return .code(.unavailable("\(user) has no activated OATH token or authenticator app"))
            case .wrong, .replayed: continue
            }
        }
        return verdict == .replayed ? .code(.wrong).with(detail: "MFA denied; the code was already used (replay)") : .code(.wrong)
    }

    /// The simulated handset reads the queued SMS: the sealed body is opened in memory and its
    /// code typed back. Nothing is printed or stored on the way.
    private func readBackCode(messageID: Int64, user: UserName, key: [UInt8]) throws -> String {
        guard let message = try store.smsMessage(id: messageID),
              let sealed = Data(base64Encoded: message.sealedBody)
        else { return "" }
        let body = try AESGCM.open(Array(sealed), key: key, authenticating: Array(user.value.utf8))
        return String(String(decoding: body, as: UTF8.self).prefix(while: \.isNumber))
    }

    /// A uniformly random 6-digit code (rejection sampling, no modulo bias).
    static func oneTimeCode() throws -> String {
        while true {
            let bytes = try SecureRandom.bytes(4)
            let value = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let limit = UInt32.max - UInt32.max % 1_000_000
            if value < limit {
                let digits = String(value % 1_000_000)
                return String(repeating: "0", count: 6 - digits.count) + digits
            }
        }
    }

    /// The stored check value of a code: HMAC-SHA256 under the sealing key, so the 10⁶ possible
    /// codes cannot be tried offline against a copied database.
    static func codeHash(_ code: String, user: UserName, key: [UInt8]) -> String {
        Hex.encode(HMAC.authenticate(Array("\(user.value):\(code)".utf8), key: key, using: .sha256))
    }

    /// What the store keeps of a browser id: its SHA-256, never the id (the cookie value).
    static func browserHash(_ browserID: String) -> String {
        Hex.encode(SHA256.hash(Array("ivr-remember-mfa:\(browserID)".utf8)))
    }

    /// The call vocabulary nearest to a sign-in that placed no call, for the log's typed fields.
    static func callWords(_ decision: SignInDecision, access: SignInContext.Access) -> (CallResult, ResultDetail) {
        switch (decision.result, access) {
        case (.denied, .blocked): (.blocked, .userBlocked)
        case (.denied, .lockedOut): (.lockedOut, .lockedOut)
        case (.denied, .allowed): (.denied, .invalidInput)
        case (.granted, _), (.interrupted, _): (.verified, .completed)
        }
    }

    static func outcomeRecord(_ decision: SignInDecision, _ attempt: SignInAttempt) -> SignInOutcomeRecord {
        SignInOutcomeRecord(
            ip: attempt.ip.description, client: attempt.client.rawValue, result: decision.result.rawValue,
            detail: decision.detail, bypass: decision.bypass?.rawValue, method: decision.method?.id, kmsi: decision.kmsi?.id,
            kmsiReason: decision.kmsi?.reason?.rawValue, session: decision.session?.rawValue, errorCode: decision.errorCode,
            rememberedUntil: decision.rememberedUntil,
            steps: decision.steps.map { .init(step: $0.step.rawValue, outcome: $0.outcome) })
    }
}

extension MethodOutcome {
    func with(detail: String) -> MethodOutcome {
        MethodOutcome(verified: verified, detail: detail)
    }
}
