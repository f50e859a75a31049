import Foundation
import SignIn

/// One sign-in's result as `ivr signin --json` prints it: exactly the keys of SPEC §8.4, each
/// always present (`null` when it does not apply).
public struct SignInReport: Sendable {
    public struct Step: Sendable, Equatable {
        public var step: String
        public var outcome: String
    }

    public var file: String
    public var user: String
    public var result: String
    public var detail: String
    public var bypass: String?
    public var method: String?
    public var call: CallReport?
    public var rememberedUntil: Date?
    public var kmsi: String?
    public var kmsiReason: String?
    public var session: String?
    public var errorCode: Int?
    public var steps: [Step]

    init(file: String, decision: SignInDecision, user: String, call: CallReport?) {
        self.file = file
        self.user = user
        self.result = decision.result.rawValue
        self.detail = decision.detail
        self.bypass = decision.bypass?.rawValue
        self.method = decision.method?.id
        self.call = call
        self.rememberedUntil = decision.rememberedUntil
        self.kmsi = decision.kmsi?.id
        self.kmsiReason = decision.kmsi?.reason?.rawValue
        self.session = decision.session?.rawValue
        self.errorCode = decision.errorCode
        self.steps = decision.steps.map { Step(step: $0.step.rawValue, outcome: $0.outcome) }
    }

    /// The report as one JSON object, keys sorted, every key present (`null` when it does not
    /// apply); `call` is the `ivr call --json` object of the embedded call.
    public var json: String {
        var object = JSONObject()
        object.add("bypass", bypass)
        object.add("call", raw: call?.json ?? "null")
        object.add("detail", detail)
        if let errorCode { object.add("errorCode", errorCode) } else { object.add("errorCode", raw: "null") }
        object.add("file", file)
        object.add("kmsi", kmsi)
        object.add("kmsiReason", kmsiReason)
        object.add("method", method)
        if let rememberedUntil { object.add("rememberedUntil", rememberedUntil) } else { object.add("rememberedUntil", raw: "null") }
        object.add("result", result)
        object.add("session", session)
        object.add("steps", raw: JSONText.array(steps.map { step in
            var entry = JSONObject()
            entry.add("outcome", step.outcome)
            entry.add("step", step.step)
            return entry.json
        }))
        object.add("user", user)
        return object.json
    }
}

/// What `ivr users show` prints for one user: registration, block, lockout, remembered browsers.
/// Never a PIN or a secret: `hasPIN` only says whether one is set.
public struct UserReport: Sendable, Encodable {
    public struct Browser: Sendable, Encodable, Equatable {
        /// The first characters of the browser id's hash: enough to tell browsers apart.
        public var browser: String
        public var issuedAt: Date
        public var until: Date
        public var revokedAt: Date?
    }

    public var user: String
    public var registered: Bool
    public var phone: String?
    public var method: String?
    public var language: String?
    public var hasPIN: Bool
    public var appPassword: Bool
    public var persistentBrowserSession: Bool
    public var blockedUntil: Date?
    public var blockReason: String?
    public var lockedOutUntil: Date?
    public var denials: Int
    public var rememberedBrowsers: [Browser]

    private enum CodingKeys: String, CodingKey {
        case user, registered, phone, method, language, hasPIN, appPassword, persistentBrowserSession, blockedUntil
        case blockReason, lockedOutUntil, denials, rememberedBrowsers
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(user, forKey: .user)
        try c.encode(registered, forKey: .registered)
        try c.encode(phone, forKey: .phone)
        try c.encode(method, forKey: .method)
        try c.encode(language, forKey: .language)
        try c.encode(hasPIN, forKey: .hasPIN)
        try c.encode(appPassword, forKey: .appPassword)
        try c.encode(persistentBrowserSession, forKey: .persistentBrowserSession)
        try c.encode(blockedUntil, forKey: .blockedUntil)
        try c.encode(blockReason, forKey: .blockReason)
        try c.encode(lockedOutUntil, forKey: .lockedOutUntil)
        try c.encode(denials, forKey: .denials)
        try c.encode(rememberedBrowsers, forKey: .rememberedBrowsers)
    }
}

