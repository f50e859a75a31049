import Foundation
import VerificationStore
import VoiceCall

/// The engine operations `ivr serve` needs beyond the CLI's (SPEC §16): API keys, verifications
/// asked for over HTTP, several settings at once, and the sign-in log by pages.
extension VerificationSession {
    // MARK: API keys

    public func addAPIKey(_ record: APIKeyRecord) throws { try store.addAPIKey(record) }

    public func apiKeys() throws -> [APIKeyRecord] { try store.apiKeys() }

    public func apiKey(id: String) throws -> APIKeyRecord? { try store.apiKey(id: id) }

    /// - Returns: false when no unrevoked key has this id.
    public func revokeAPIKey(id: String) throws -> Bool { try store.revokeAPIKey(id: id, at: now) }

    // MARK: Verifications

    /// Stores a queued verification unless a throttle refuses it (check and insert in one transaction).
    public func insertVerification(_ record: VerificationRecord, throttle: VerificationThrottle) throws -> VerificationThrottle.Refusal? {
        try store.insertVerification(record, throttle: throttle)
    }

    public func verification(id: String) throws -> VerificationRecord? { try store.verification(id: id) }

    @discardableResult
    public func updateVerification(
        id: String, from: Set<VerificationStatus>, to status: VerificationStatus, outcome: VerificationOutcome?, endedAt: Date?
    ) throws -> Bool {
        try store.updateVerification(id: id, from: from, to: status, outcome: outcome, endedAt: endedAt)
    }

    /// Runs the call of a queued verification and records its end, in one transaction with the
    /// check that it is still queued: a verification canceled first is never called, and a process
    /// killed mid-call leaves it unfinished (never half-recorded).
    ///
    /// - Returns: the report, or `nil` when the verification was no longer queued.
    public func runQueuedVerification(id: String, request: VerificationRequest, through channel: some CallChannel) throws -> CallReport? {
        try store.withTransaction { () -> CallReport? in
            guard try store.verification(id: id)?.status == .queued else { return nil }
            let report = try call(request, through: channel).report
            let outcome = VerificationOutcome(report)
            try store.updateVerification(id: id, from: [.queued, .calling], to: .completed, outcome: outcome, endedAt: now)
            return report
        }
    }

    /// Runs the calls of several queued verifications in one transaction, each in a savepoint of
    /// its own (as `runQueuedVerification`): one commit for the batch instead of one per call.
    /// A call that fails rolls back only its own savepoint and stays queued (the next start ends
    /// it); its failure is its entry in the result, in the order of `calls`.
    ///
    /// Nothing is lost to a crash that a caller could have seen: results are reported (callbacks,
    /// reads) only after the batch commits, and a batch killed before it commits leaves its
    /// verifications queued, to be ended by the next start like any call in flight.
    public func runQueuedVerifications(_ calls: [ScriptedVerification]) throws -> [Result<CallReport?, any Error>] {
        try store.withTransaction {
            calls.map { queued in
                Result { try runQueuedVerification(id: queued.id, request: queued.call.request, through: queued.call.channel) }
            }
        }
    }

    /// Times every prompt these calls may play, having espeak-ng speak (into the render cache)
    /// what is not yet there. Run before `runQueuedVerifications`, outside the writer lock: the
    /// batch then finds every duration in memory, and the first calls of a new state directory
    /// hold up no request while espeak-ng speaks.
    public func warmPrompts(for calls: [ScriptedVerification]) {
        var warmed: [(languages: LanguagePreference, extension: String?)] = []
        for queued in calls {
            let request = queued.call.request
            let ext = request.number?.extension
            guard !warmed.contains(where: { $0.languages == request.languages && $0.extension == ext }),
                  let resolver = try? promptResolver(for: request.languages)
            else { continue }
            warmed.append((request.languages, ext))
            for type in MessageType.allCases { _ = resolver.resolve(type, extension: ext) }
        }
    }

    /// Ends every verification a stopped server left queued or calling. - Returns: their ids.
    public func endUnfinishedVerifications(detail: String) throws -> [String] {
        try store.endUnfinishedVerifications(at: now, detail: detail)
    }

    // MARK: Settings and log

    /// Sets several keys in one transaction: all are applied, or (on the first refused value, a
    /// `SettingsError`) none.
    public func changeSettings(_ changes: [(key: String, value: String)]) throws -> Settings {
        try store.updateSettings { settings in
            for change in changes {
                try settings.set(change.key, to: change.value) { input in
                    let check = CallerID.check(input)
                    return (check.valid, check.e164, check.reason)
                }
            }
        }
    }

    /// One page of the sign-in log, newest first, older than the record `before` (an id).
    public func signInLogPage(before: Int64?, limit: Int) throws -> [(id: Int64, record: SignInRecord)] {
        try store.signInLogPage(before: before, limit: limit)
    }
}

/// A stored, queued verification and the simulated call that answers it.
public struct ScriptedVerification: Sendable {
    public var id: String
    public var call: ScriptedCall

    public init(id: String, call: ScriptedCall) {
        self.id = id
        self.call = call
    }
}
