import Foundation
import SignIn

/// One sign-in's result as `ivr signin --json` prints it: exactly the keys of SPEC §8.4, each
/// always present (`null` when it does not apply).
public struct SignInReport: Sendable, Encodable {
    public struct Step: Sendable, Encodable, Equatable {
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

    /// The keys, in the order SPEC §8.4 lists them.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case file, user, result, detail, bypass, method, call, rememberedUntil, kmsi, kmsiReason, session, errorCode, steps
    }

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

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(user, forKey: .user)
        try container.encode(result, forKey: .result)
        try container.encode(detail, forKey: .detail)
        try container.encode(bypass, forKey: .bypass)
        try container.encode(method, forKey: .method)
        try container.encode(call, forKey: .call)
        try container.encode(rememberedUntil, forKey: .rememberedUntil)
        try container.encode(kmsi, forKey: .kmsi)
        try container.encode(kmsiReason, forKey: .kmsiReason)
        try container.encode(session, forKey: .session)
        try container.encode(errorCode, forKey: .errorCode)
        try container.encode(steps, forKey: .steps)
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

/// An administrator's directory request that was refused (bad user name, number, PIN, location).
public struct DirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
