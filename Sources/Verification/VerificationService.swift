import CallScript
import DefaultGreetings
import Foundation
import VerificationStore
import VoiceCall

/// The service: for one request it checks block and lockout, picks the caller ID and prompts,
/// runs the call, then records the result, applies lockout and auto-block, and queues and
/// delivers notifications (ARCHITECTURE.md). Every rule lives in `VoiceCall` or the store; this
/// type only puts them in order.
public final class VerificationService {
    public let store: VerificationStore
    private let defaults: DefaultScripts
    private let clock: @Sendable () -> Date
    /// The prompt library is rebuilt only when the settings or the greeting catalog change, so a
    /// batch of thousands of calls renders the default texts once.
    private var library: (key: LibraryKey, value: PromptLibrary)?

    private struct LibraryKey: Equatable {
        var productName: String
        var fraudCode: String
        var greetings: [GreetingRecord]
    }

    /// The reason recorded with the automatic block that follows a fraud report (SPEC §5).
    public static let fraudBlockReason = "Fraud alert: the user reported a verification call they did not start"

    public init(stateDirectory: URL, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.store = try VerificationStore(directory: stateDirectory)
        self.defaults = try DefaultScripts(files: DefaultGreetings.scripts())
        self.clock = clock
    }

    public var now: Date { clock() }

    // MARK: Calls

    /// Runs one parsed call script end to end and records it.
    ///
    /// - Throws: `CallScriptError` when a header value is invalid (user name, language), naming
    ///   its line; nothing is recorded then. Store errors otherwise.
    public func run(_ script: CallScriptFile) throws -> CallReport {
        let request = try CallRequest(script)
        let settings = try store.loadSettings()
        let start = request.startTime ?? now

        let preDial: PreDialCheck
        var remainingDenials: Int?
        switch try store.checkAccess(user: request.user, at: start) {
        case .blocked: preDial = .blocked
        case .lockedOut: preDial = .lockedOut
        case .allowed(let remaining):
            preDial = request.phone == nil ? .invalidNumber : .clear
            remainingDenials = remaining
        }
        let callerID = preDial == .clear ? (settings.callerID ?? CallerID.defaultNumber(for: request.user.value)) : nil

        let resolver = try promptLibrary(settings).resolver(for: request.languages)
        let extensionText = request.phone?.extension
        let prompts = MessageType.allCases.map { resolver.resolve($0, extension: extensionText) }
        let plan = CallPlan(
            kind: request.kind,
            method: request.method,
            fraudCode: settings.fraudAllow ? DTMFKey.keys(settings.fraudCode) : nil,
            fraudAutoBlock: settings.fraudAutoBlock,
            extensionDigits: extensionText.flatMap(DTMFKey.keys),
            preDial: preDial,
            denialsBeforeLockout: request.method.isPIN ? remainingDenials : nil,
            limits: settings.callLimits)
        let simulator = CallSimulator(plan: plan) { prompts[$0.ordinal].durationSeconds }
        let outcome = simulator.run(request.actions)

        let played = outcome.prompts.map { prompts[$0.ordinal] }
        let record = outcomeRecord(request, settings: settings, start: start, callerID: callerID, played: played, outcome: outcome)
        try store.recordCall(record)
        if !record.emails.isEmpty, settings.notificationCommand != nil { deliverQueuedMail(settings) }

        return CallReport(
            file: script.file, user: request.user.value, number: request.maskedNumber, method: request.method.name,
            startedAt: start, result: outcome.result.id, detail: outcome.detail.rawValue, callerId: callerID,
            prompts: played.map { CallReport.Prompt(type: $0.type.id, language: $0.language, source: $0.source.rawValue) },
            digitsSent: outcome.digitsSent, notifications: record.emails.count, durationSeconds: outcome.duration,
            transcript: TranscriptFormatter.lines(outcome.transcript, prompts: prompts))
    }

    func outcomeRecord(
        _ request: CallRequest, settings: Settings, start: Date, callerID: String?, played: [ResolvedPrompt],
        outcome: CallSimulator.Outcome
    ) -> CallOutcomeRecord {
        let signIn = SignInRecord(
            time: start, user: request.user.value, maskedNumber: request.maskedNumber, method: request.method.name,
            callerID: callerID, language: request.languages.tags.first?.description ?? "en-US",
            prompts: played.map { .init(type: $0.type.id, language: $0.language, source: $0.source.rawValue) },
            result: outcome.result.id, detail: outcome.detail.rawValue)
        var record = CallOutcomeRecord(
            signIn: signIn, user: request.user,
            denialTimes: outcome.denialTimes.map { start.addingTimeInterval($0) },
            verified: outcome.result == .verified)
        if outcome.fraudReported {
            let reportedAt = start.addingTimeInterval(outcome.duration)
            let blockedUntil = settings.fraudAutoBlock ? BlockPolicy.blockEnd(from: reportedAt) : nil
            if let blockedUntil {
                record.block = .init(until: blockedUntil, reason: Self.fraudBlockReason)
            }
            record.emails = settings.notificationEmails.map { address in
                let mail = FraudAlertMail(
                    to: address, user: request.user.value, time: reportedAt, maskedNumber: request.maskedNumber,
                    callerID: callerID ?? "", blockedUntil: blockedUntil, productName: settings.productName)
                return OutboxDraft(to: address, subject: mail.subject, body: mail.render(messageID: UUID().uuidString))
            }
        }
        return record
    }

    /// What each prompt plays for these languages under the current settings and greetings.
    public func promptResolver(for languages: LanguagePreference) throws -> PromptResolver {
        try promptLibrary(store.loadSettings()).resolver(for: languages)
    }

    func promptLibrary(_ settings: Settings) throws -> PromptLibrary {
        let key = LibraryKey(productName: settings.productName, fraudCode: settings.fraudCode, greetings: try store.greetings())
        if let library, library.key == key { return library.value }
        let customs = key.greetings.compactMap { record -> CustomGreetingRef? in
            guard let tag = try? LanguageTag(record.language) else { return nil }
            return CustomGreetingRef(type: record.type, language: tag, durationSeconds: record.durationSeconds, reference: record.fileName)
        }
        let value = PromptLibrary(defaults: defaults, customGreetings: customs, productName: settings.productName, fraudCode: settings.fraudCode)
        library = (key, value)
        return value
    }

    // MARK: Mail

    /// Hands every queued message to the delivery command; a failure leaves it queued with the
    /// reason, to be retried by the next call or `ivr outbox --deliver`. Messages are claimed
    /// first, so two processes delivering at once never send the same one twice.
    /// - Returns: how many were delivered now.
    @discardableResult
    public func deliverQueuedMail(_ settings: Settings? = nil) -> Int {
        guard let settings = settings ?? (try? store.loadSettings()), let command = settings.notificationCommand,
              let pending = try? store.claimPendingMessages(at: now)
        else { return 0 }
        let delivery = MailDelivery(command: command)
        var delivered = 0
        for message in pending {
            do {
                try delivery.deliver(message.body)
                if (try? store.markSent(id: message.id, at: now)) == true { delivered += 1 }
            } catch {
                _ = try? store.markFailed(id: message.id, error: "\(error)")
            }
        }
        return delivered
    }
}
