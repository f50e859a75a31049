import Foundation
import VoiceCall

/// A PIN lockout in force (SPEC §5): no call is placed for the user until `until`.
public struct Lockout: Sendable, Equatable, Codable {
    public var user: UserName
    /// When the denial that locked the account happened.
    public var lockedAt: Date?
    /// When the lock ends: it applies to calls starting before this instant.
    public var until: Date
    /// Denials counted when it locked.
    public var denials: Int

    public init(user: UserName, lockedAt: Date?, until: Date, denials: Int) {
        self.user = user
        self.lockedAt = lockedAt
        self.until = until
        self.denials = denials
    }
}
