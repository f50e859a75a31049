import CallScript
import Foundation
import VerificationStore
import VoiceCall

/// A live call (`ivr dial`, SPEC §15), prepared by the service and placed by a channel.
///
/// The service does what it does for a simulated call — block and lockout checks, caller ID,
/// prompts, plan — then hands the plan to whoever places the call, and records the outcome exactly
/// as a simulated one. The channel is not this module's concern (SIPChannel places SIP calls).
public struct LiveCallPreparation: Sendable {
    public var user: UserName
    /// The number to call in E.164, without its extension; `nil` when it does not parse.
    public var e164: String?
    public var maskedNumber: String
    public var callerID: String?
    public var plan: CallPlan
    /// What each message type plays for this call, indexed by `MessageType.ordinal`.
    public var prompts: [ResolvedPrompt]
    public var startedAt: Date
    /// Whether a call must be placed; `false` when the machine decides before dialling.
    public var placesCall: Bool { plan.preDial == .clear }
    let request: CallRequest
    let settings: Settings
}

/// What a live channel reports back.
public struct LiveCallResult: Sendable {
    public var outcome: CallSimulator.Outcome
    public var sipCallId: String?
    public var sipStatus: Int?

    public init(outcome: CallSimulator.Outcome, sipCallId: String?, sipStatus: Int?) {
        self.outcome = outcome
        self.sipCallId = sipCallId
        self.sipStatus = sipStatus
    }
}

extension VerificationService {
    /// Checks and plans a live call to `phone` for `user`.
    /// - Throws: `LiveCallError` for a bad user name or language; store errors otherwise.
    public func prepareLiveCall(
        user name: String, phone: String, method: VerificationMethod, language: String, activation: Bool
    ) throws -> LiveCallPreparation {
        let user: UserName
        do { user = try UserName(name) } catch { throw LiveCallError(message: "user: \(error)") }
        let languages: LanguagePreference
        do { languages = try LanguagePreference(parsing: language) } catch { throw LiveCallError(message: "--language: \(error)") }
        let number = try? PhoneNumber(parsing: phone)
        let request = CallRequest(
            user: user, phone: number, maskedNumber: number?.masked ?? "invalid", languages: languages,
            kind: activation ? .activation : .signIn, method: method, startTime: now, actions: [])
        let settings = try store.loadSettings()
        let start = now
        let preDial: PreDialCheck
        var remainingDenials: Int?
        switch try store.checkAccess(user: user, at: start) {
        case .blocked: preDial = .blocked
        case .lockedOut: preDial = .lockedOut
        case .allowed(let remaining):
            preDial = number == nil ? .invalidNumber : .clear
            remainingDenials = remaining
        }
        let callerID = preDial == .clear ? (settings.callerID ?? CallerID.defaultNumber(for: user.value)) : nil
        let resolver = try promptLibrary(settings).resolver(for: languages)
        let extensionText = number?.extension
        let prompts = MessageType.allCases.map { resolver.resolve($0, extension: extensionText) }
        let plan = CallPlan(
            kind: request.kind, method: method,
            fraudCode: settings.fraudAllow ? DTMFKey.keys(settings.fraudCode) : nil,
            fraudAutoBlock: settings.fraudAutoBlock, extensionDigits: extensionText.flatMap(DTMFKey.keys),
            preDial: preDial, denialsBeforeLockout: method.isPIN ? remainingDenials : nil, limits: settings.callLimits)
        return LiveCallPreparation(
            user: user, e164: number?.e164, maskedNumber: request.maskedNumber, callerID: callerID, plan: plan,
            prompts: prompts, startedAt: start, request: request, settings: settings)
    }

    /// Records a live call's outcome like a simulated one and returns its report.
    public func recordLiveCall(_ call: LiveCallPreparation, _ live: LiveCallResult) throws -> CallReport {
        let outcome = live.outcome
        let played = outcome.prompts.map { call.prompts[$0.ordinal] }
        let record = outcomeRecord(
            call.request, settings: call.settings, start: call.startedAt, callerID: call.callerID, played: played,
            outcome: outcome)
        try store.recordCall(record)
        if !record.emails.isEmpty, call.settings.notificationCommand != nil { deliverQueuedMail(call.settings) }
        var report = CallReport(
            file: "live", user: call.user.value, number: call.maskedNumber, method: call.plan.method.name,
            startedAt: call.startedAt, result: outcome.result.id, detail: outcome.detail.rawValue, callerId: call.callerID,
            prompts: played.map { CallReport.Prompt(type: $0.type.id, language: $0.language, source: $0.source.rawValue) },
            digitsSent: outcome.digitsSent, notifications: record.emails.count, durationSeconds: outcome.duration,
            transcript: TranscriptFormatter.lines(outcome.transcript, prompts: call.prompts))
        report.sipCallId = live.sipCallId ?? ""
        report.sipStatus = live.sipStatus
        return report
    }
}

/// A live call's request that cannot be used, in words naming the argument.
public struct LiveCallError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension CallRequest {
    /// A request with no script behind it (a live call: the callee acts for real).
    init(
        user: UserName, phone: PhoneNumber?, maskedNumber: String, languages: LanguagePreference, kind: CallKind,
        method: VerificationMethod, startTime: Date?, actions: [CallerAction]
    ) {
        self.user = user
        self.phone = phone
        self.maskedNumber = maskedNumber
        self.languages = languages
        self.kind = kind
        self.method = method
        self.startTime = startTime
        self.actions = actions
    }
}
