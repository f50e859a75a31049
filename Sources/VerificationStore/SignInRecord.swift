import Foundation
import VoiceCall

/// One line of the sign-in log (SPEC §7): every verification attempt, placed or not, adds one.
///
/// Holds no PIN and no full phone number: `maskedNumber` is already masked by the caller.
public struct SignInRecord: Codable, Sendable, Equatable {
    /// One prompt the call played.
    public struct Prompt: Codable, Sendable, Equatable, Hashable {
        /// The message type (`greeting-standard` in JSON).
        public var type: MessageType
        /// The language it was played in.
        public var language: LanguageTag
        /// `custom` or `default`.
        public var source: PromptSource

        public init(type: MessageType, language: LanguageTag, source: PromptSource) {
            self.type = type
            self.language = language
            self.source = source
        }
    }

    /// When the call started.
    public var time: Date
    /// The user name as requested (lowercased when valid).
    public var user: String
    /// The number called, masked but for its last two digits (`+*********00`).
    public var maskedNumber: String
    /// `standard` or `pin`.
    public var method: VerificationMethod.Name
    /// The caller ID used (E.164), `nil` when no call was placed.
    public var callerID: String?
    /// The user's first preferred language.
    public var language: LanguageTag
    /// The prompts played, in order.
    public var prompts: [Prompt]
    /// The result (`fraud_reported` in JSON).
    public var result: CallResult
    /// The sign-in log detail (`MFA denied; Fraud Code Entered`).
    public var detail: ResultDetail
    /// Live calls only: the final SIP status of a call that was not answered (486, 603, 408 …)
    /// and why the call could not be placed; left out of the JSON when absent.
    public var sipStatus: Int? = nil
    public var sipFailure: String? = nil
    /// What the sign-in pipeline decided around this attempt (SPEC §8.4), when it came from
    /// `ivr signin`; `nil` for a plain call. The record's JSON then shows the sign-in's `result`,
    /// `detail` and `method` (`interrupted`, the 50140 reason, `call`) with `bypass`, `kmsi` and
    /// `errorCode` beside them; the embedded call's own words are in `signIn.call`, and the typed
    /// fields above hold the call's (or, without a call, the nearest call vocabulary).
    public var signIn: SignInOutcomeRecord? = nil

    public init(
        time: Date, user: String, maskedNumber: String, method: VerificationMethod.Name, callerID: String?,
        language: LanguageTag, prompts: [Prompt], result: CallResult, detail: ResultDetail
    ) {
        self.time = time
        self.user = user
        self.maskedNumber = maskedNumber
        self.method = method
        self.callerID = callerID
        self.language = language
        self.prompts = prompts
        self.result = result
        self.detail = detail
    }

    /// JSON names match `ivr call --json` (`callerId`), and every key is always present: `callerId`
    /// is an explicit `null` when no call was placed.
    private enum CodingKeys: String, CodingKey {
        case time, user, maskedNumber, method, callerID = "callerId", language, prompts, result, detail, signIn
        case sipStatus, sipFailure
    }

    /// SPEC §8.4's log fields, written at the top of a sign-in's record only.
    private enum SignInKeys: String, CodingKey {
        case bypass, kmsi, errorCode
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(time, forKey: .time)
        try container.encode(user, forKey: .user)
        try container.encode(maskedNumber, forKey: .maskedNumber)
        try container.encode(callerID, forKey: .callerID)
        try container.encode(language, forKey: .language)
        try container.encode(prompts, forKey: .prompts)
        try container.encodeIfPresent(sipStatus, forKey: .sipStatus)
        try container.encodeIfPresent(sipFailure, forKey: .sipFailure)
        guard let signIn else {
            try container.encode(method, forKey: .method)
            try container.encode(result, forKey: .result)
            try container.encode(detail, forKey: .detail)
            return
        }
        try container.encode(signIn.method ?? "none", forKey: .method)
        try container.encode(signIn.result, forKey: .result)
        try container.encode(signIn.detail, forKey: .detail)
        try container.encode(signIn, forKey: .signIn)
        var top = encoder.container(keyedBy: SignInKeys.self)
        try top.encode(signIn.bypass, forKey: .bypass)
        try top.encode(signIn.kmsi, forKey: .kmsi)
        try top.encode(signIn.errorCode, forKey: .errorCode)
    }
}
