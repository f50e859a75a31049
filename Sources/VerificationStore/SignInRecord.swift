import Foundation

/// One line of the sign-in log (SPEC §7): every verification attempt, placed or not, adds one.
///
/// Holds no PIN and no full phone number: `maskedNumber` is already masked by the caller.
public struct SignInRecord: Codable, Sendable, Equatable {
    /// One prompt the call played.
    public struct Prompt: Codable, Sendable, Equatable, Hashable {
        /// The message type id (`greeting-standard`).
        public var type: String
        /// The language it was played in.
        public var language: String
        /// `custom` or `default`.
        public var source: String

        public init(type: String, language: String, source: String) {
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
    public var method: String
    /// The caller ID used (E.164), `nil` when no call was placed.
    public var callerID: String?
    /// The user's language preference as given.
    public var language: String
    /// The prompts played, in order.
    public var prompts: [Prompt]
    /// The result id (`fraud_reported`).
    public var result: String
    /// The sign-in log detail (`MFA denied; Fraud Code Entered`).
    public var detail: String
    /// What the sign-in pipeline decided around this attempt (SPEC §8.4: bypass, method, KMSI,
    /// error code), when it came from `ivr signin`; `nil` for a plain call. For a sign-in the
    /// record's `result`, `detail` and `method` are the sign-in's (`interrupted`, the 50140 reason,
    /// `call`); the embedded call's own are in `signIn.call`.
    public var signIn: SignInOutcomeRecord? = nil

    public init(
        time: Date, user: String, maskedNumber: String, method: String, callerID: String?, language: String,
        prompts: [Prompt], result: String, detail: String
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
        try container.encode(method, forKey: .method)
        try container.encode(callerID, forKey: .callerID)
        try container.encode(language, forKey: .language)
        try container.encode(prompts, forKey: .prompts)
        try container.encode(result, forKey: .result)
        try container.encode(detail, forKey: .detail)
        // A sign-in's record also carries SPEC §8.4's log fields at the top, always present
        // (`null` when they do not apply); a plain call's record keeps its shape.
        if let signIn {
            try container.encode(signIn, forKey: .signIn)
            var top = encoder.container(keyedBy: SignInKeys.self)
            try top.encode(signIn.bypass, forKey: .bypass)
            try top.encode(signIn.kmsi, forKey: .kmsi)
            try top.encode(signIn.errorCode, forKey: .errorCode)
        }
    }
}
