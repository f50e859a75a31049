import Foundation

/// A user registered in the directory (SPEC §8.1). Holds no PIN: only whether a PIN hash is set.
public struct DirectoryUser: Sendable, Equatable, Codable {
    public var user: String
    /// The number to call, E.164 with an optional `x` extension.
    public var phone: String
    /// `standard` or `pin`.
    public var method: String
    public var language: String?
    public var hasPIN: Bool
    public var hasAppPassword: Bool
    public var persistentBrowserSession: Bool
    public var addedAt: Date

    public init(
        user: String, phone: String, method: String, language: String?, hasPIN: Bool = false,
        hasAppPassword: Bool = false, persistentBrowserSession: Bool = false, addedAt: Date
    ) {
        self.user = user
        self.phone = phone
        self.method = method
        self.language = language
        self.hasPIN = hasPIN
        self.hasAppPassword = hasAppPassword
        self.persistentBrowserSession = persistentBrowserSession
        self.addedAt = addedAt
    }
}

/// A browser remembered after MFA. `browserHash` is a hash of the browser's id, never the id.
public struct RememberedBrowser: Sendable, Equatable {
    public var user: String
    public var browserHash: String
    public var issuedAt: Date
    public var until: Date
    public var revokedAt: Date?
}

/// One queued text message. The body (it holds the code) is sealed (base64 of nonce, ciphertext
/// and tag); only its hash checks a typed code.
public struct SMSMessage: Sendable, Equatable {
    public var id: Int64
    public var createdAt: Date
    public var user: String
    public var maskedNumber: String
    public var sealedBody: String
    public var codeHash: String
    public var expiresAt: Date
    public var triesLeft: Int
    public var usedAt: Date?
}

/// The sign-in part of a sign-in log record (SPEC §8.4): what the pipeline decided.
public struct SignInOutcomeRecord: Sendable, Equatable, Codable {
    public struct Step: Sendable, Equatable, Codable {
        public var step: String
        public var outcome: String

        public init(step: String, outcome: String) {
            self.step = step
            self.outcome = outcome
        }
    }

    public var ip: String
    public var client: String
    /// `granted`, `denied` or `interrupted`.
    public var result: String
    public var detail: String
    public var bypass: String?
    public var method: String?
    public var kmsi: String?
    public var kmsiReason: String?
    public var session: String?
    public var errorCode: Int?
    public var rememberedUntil: Date?
    public var steps: [Step]
    /// The embedded call's own result, detail and method (`verified`, …, `standard`|`pin`) when a
    /// call ran: the record's top-level fields show the sign-in's. Filled when the log is read.
    public var call: CallSummary?

    public struct CallSummary: Sendable, Equatable, Codable {
        public var result: String
        public var detail: String
        public var method: String
    }

    public init(
        ip: String, client: String, result: String, detail: String, bypass: String?, method: String?, kmsi: String?,
        kmsiReason: String?, session: String?, errorCode: Int?, rememberedUntil: Date?, steps: [Step]
    ) {
        self.ip = ip
        self.client = client
        self.result = result
        self.detail = detail
        self.bypass = bypass
        self.method = method
        self.kmsi = kmsi
        self.kmsiReason = kmsiReason
        self.session = session
        self.errorCode = errorCode
        self.rememberedUntil = rememberedUntil
        self.steps = steps
    }
}
