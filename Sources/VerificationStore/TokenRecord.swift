import Foundation
import VoiceCall

/// One OATH token or authenticator app as stored (SPEC §9), without its secret.
public struct TokenRecord: Sendable, Equatable, Codable {
    /// A hardware token imported from a CSV, or an authenticator app enrolled with `tokens add-app`.
    public enum Kind: String, Sendable, Equatable, Codable {
        case hardware
        case app
    }

    /// The serial number (apps get a generated `app-…` one); unique, compared case-insensitively.
    public var serial: String
    public var user: UserName
    public var kind: Kind
    public var manufacturer: String
    public var model: String
    /// Seconds per code: 30 or 60.
    public var interval: Int
    public var createdAt: Date
    /// When a valid code activated it; a token verifies only once activated.
    public var activatedAt: Date?
    /// The last TOTP step it accepted: a code of that step or an earlier one is a replay.
    public var lastUsedStep: Int64?
    /// When that code was accepted.
    public var lastUsedAt: Date?

    public init(
        serial: String, user: UserName, kind: Kind, manufacturer: String, model: String, interval: Int,
        createdAt: Date, activatedAt: Date? = nil, lastUsedStep: Int64? = nil, lastUsedAt: Date? = nil
    ) {
        self.serial = serial
        self.user = user
        self.kind = kind
        self.manufacturer = manufacturer
        self.model = model
        self.interval = interval
        self.createdAt = createdAt
        self.activatedAt = activatedAt
        self.lastUsedStep = lastUsedStep
        self.lastUsedAt = lastUsedAt
    }

    public var isActivated: Bool { activatedAt != nil }
}

/// A token with its sealed secret, as the engine needs it to check a code. The store never sees the
/// secret itself: `sealedSecret` is an AES-256-GCM box (Base64) only the key file opens.
public struct SealedToken: Sendable, Equatable {
    public var record: TokenRecord
    public var sealedSecret: String

    public init(record: TokenRecord, sealedSecret: String) {
        self.record = record
        self.sealedSecret = sealedSecret
    }
}
