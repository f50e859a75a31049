import CallScript
import Foundation
import VerificationStore
import VoiceCall

/// One store session of a ``VerificationEngine``: the engine's operations on one connection.
///
/// Not `Sendable`: use it from one thread. Open one per request (``VerificationEngine/session()``),
/// or one for a batch.
public final class VerificationSession {
    public let engine: VerificationEngine
    let store: any StateStore
    /// Set while a chunk of a batch runs (`runChunk`): what its calls share.
    var chunkMemo: ChunkMemo?

    init(engine: VerificationEngine, store: any StateStore) {
        self.engine = engine
        self.store = store
    }

    public var now: Date { engine.now }

    // MARK: Calls

    /// Prepares a call (SPEC §2 step 1–3): block first, then lockout, then the number; the caller ID;
    /// every prompt in the request's language; the machine's plan.
    public func prepare(_ request: VerificationRequest) throws -> PreparedCall {
        let settings = try chunkMemo?.settings ?? store.loadSettings()
        let start = request.startTime ?? now

        let preDial: PreDialCheck
        var remainingDenials: Int?
        switch try store.checkAccess(user: request.user, at: start) {
        case .blocked: preDial = .blocked
        case .lockedOut: preDial = .lockedOut
        case .allowed(let remaining):
            preDial = request.number == nil ? .invalidNumber : .clear
            remainingDenials = remaining
        }
        let callerID = preDial == .clear ? (settings.callerID ?? CallerID.defaultNumber(for: request.user.value)) : nil

        let extensionText = request.number?.extension
        let prompts: PromptSet
        if let chunkMemo {
            // A batch: the chunk's calls share prompt sets, and the first one renders on every core.
            prompts = try chunkMemo.prompts(languages: request.languages, extension: extensionText) {
                .resolvedConcurrently(by: try self.promptLibrary(settings).resolver(for: request.languages), extension: extensionText)
            }
        } else {
            let resolver = try promptLibrary(settings).resolver(for: request.languages)
            prompts = PromptSet { resolver.resolve($0, extension: extensionText) }
        }
        let plan = CallPlan(
            kind: request.kind,
            method: request.method,
            fraudCode: settings.fraudAllow ? KeySequence(settings.fraudCode) : nil,
            fraudAutoBlock: settings.fraudAutoBlock,
            extensionDigits: extensionText.flatMap(KeySequence.init),
            preDial: preDial,
            denialsBeforeLockout: request.method.isPIN ? remainingDenials : nil,
            limits: settings.callLimits)
        return PreparedCall(
            request: request, startedAt: start, plan: plan, callerID: callerID, prompts: prompts, settings: settings)
    }

    /// Records what the call did in one transaction — the sign-in log line, the lockout counter,
    /// a fraud block and the fraud mail (queued: the caller delivers it afterwards, `deliverMail`).
    ///
    /// Times come from the recording: each denial at its instant, and a fraud report's block and
    /// mail at the moment the report stood (not the call's start or its hang-up).
    public func conclude(_ call: PreparedCall, _ outcome: ChannelOutcome) throws -> CallConclusion {
        let recording = outcome.recording
        let result = recording.result ?? .abandoned
        let detail = recording.detail ?? .callerHungUp
        let request = call.request
        let start = call.startedAt
        let played = recording.prompts.map { call.prompts[$0] }

        var signIn = SignInRecord(
            time: start, user: request.user.value, maskedNumber: request.maskedNumber, method: request.method.name,
            callerID: call.callerID, language: request.languages.tags.first ?? .englishUS,
            prompts: played.map { .init(type: $0.type, language: $0.language, source: $0.source) },
            result: result, detail: detail)
        signIn.sipStatus = outcome.sipStatus
        signIn.sipFailure = outcome.failure
        var record = CallOutcomeRecord(
            signIn: signIn, user: request.user,
            denialTimes: recording.denialTimes.map { start.addingTimeInterval($0) },
            verified: result == .verified)
        if let offset = recording.fraudReportedAt {
            let reportedAt = start.addingTimeInterval(offset)
            let settings = call.settings
            let blockedUntil = settings.fraudAutoBlock ? BlockPolicy.blockEnd(from: reportedAt) : nil
            if let blockedUntil {
                record.block = .init(
                    at: reportedAt, until: blockedUntil, reason: VerificationEngine.fraudBlockReason,
                    blockedBy: VerificationEngine.fraudBlocker)
            }
            record.emails = settings.notificationEmails.map { address in
                let mail = FraudAlertMail(
                    to: address, user: request.user.value, time: reportedAt, maskedNumber: request.maskedNumber,
                    callerID: call.callerID ?? "", blockedUntil: blockedUntil, productName: settings.productName)
                return OutboxDraft(to: address, subject: mail.subject, body: mail.render(messageID: UUID().uuidString))
            }
        }
        let recorded = try store.recordCall(record)  // its mail is delivered afterwards, off the call's path: `deliverMail`

        let report = CallReport(
            file: "", user: request.user, number: request.maskedNumber, method: request.method, startedAt: start,
            result: result, detail: detail, callerID: call.callerID, prompts: played, digitsSent: recording.digitsSent,
            notifications: record.emails.count, durationSeconds: outcome.duration, transcript: outcome.transcript,
            promptSet: call.prompts)
        return CallConclusion(report: report, recorded: recorded)
    }

    /// Prepares, runs through `channel` and concludes one call.
    public func call(_ request: VerificationRequest, through channel: some CallChannel) throws -> CallConclusion {
        let prepared = try prepare(request)
        let outcome = try channel.run(prepared)
        return try conclude(prepared, outcome)
    }

    /// Runs one parsed `.call` script end to end and records it.
    ///
    /// - Throws: `CallScriptError` when a header value is invalid (user name, language), naming
    ///   its line; nothing is recorded then. Store errors otherwise.
    public func run(_ script: CallScriptFile) throws -> CallReport {
        let scripted = try scriptedCall(script)
        var report = try call(scripted.request, through: scripted.channel).report
        report.file = scripted.file
        return report
    }

    // MARK: Prompts

    /// What each prompt plays for these languages under the current settings and greetings.
    public func promptResolver(for languages: LanguagePreference) throws -> PromptResolver {
        try promptLibrary(store.loadSettings()).resolver(for: languages)
    }

    func promptLibrary(_ settings: Settings) throws -> PromptLibrary {
        let key = PromptLibraryCache.Key(
            productName: settings.productName, fraudCode: settings.fraudCode, greetings: try store.greetings())
        let defaults = engine.defaults
        let speaker = engine.speaker
        return engine.libraries.library(for: key) { key in
            let customs = key.greetings.map { record in
                CustomGreetingRef(
                    type: record.type, language: record.language, durationSeconds: record.durationSeconds, reference: record.fileName)
            }
            return PromptLibrary(
                defaults: defaults, customGreetings: customs, productName: key.productName, fraudCode: key.fraudCode,
                spoken: speaker.map(SingleFlightDurations.init))
        }
    }

    // MARK: Mail

    /// Hands every queued message to the delivery command; a failure leaves it queued with the
    /// reason, to be retried by the next run or `ivr outbox --deliver`. See `deliverMail`.
    /// - Returns: how many were delivered now.
    @discardableResult
    public func deliverQueuedMail(_ settings: Settings? = nil) -> Int {
        deliverMail(settings).delivered
    }
}
