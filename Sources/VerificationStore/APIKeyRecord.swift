import Foundation

/// What an API key may do (SPEC §16): an integrator starts and reads verifications; an admin
/// also manages settings, greetings, blocks, the log, the outbox and tokens.
public enum APIRole: String, Sendable, Hashable, Codable, CaseIterable {
    case integrator
    case admin

    /// Whether a key of this role may use a route that needs `required`.
    public func allows(_ required: APIRole) -> Bool {
        switch (self, required) {
        case (.admin, _), (.integrator, .integrator): true
        case (.integrator, .admin): false
        }
    }
}

/// One API key as stored: never the key itself, only the SHA-256 of its secret part.
public struct APIKeyRecord: Sendable, Hashable, Codable {
    /// Public identifier, also the middle part of the key (`ivr_<id>_<secret>`).
    public var id: String
    public var name: String
    public var role: APIRole
    /// Lowercase hex SHA-256 of the secret part of the key.
    public var secretSHA256: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: String, name: String, role: APIRole, secretSHA256: String, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.secretSHA256 = secretSHA256
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
