import Foundation

/// A block on a user: no call is placed for them while it is in force (SPEC §5).
public struct Block: Sendable, Equatable, Codable {
    /// The blocked user.
    public var user: UserName
    /// Why (the admin's `--reason`, or the fraud report).
    public var reason: String
    /// Who set it: an admin's name, or `fraud-alert` for an automatic block.
    public var blockedBy: String
    /// When it was set.
    public var blockedAt: Date
    /// When it ends: it applies to calls starting before this instant.
    public var until: Date

    public init(user: UserName, reason: String, blockedBy: String, blockedAt: Date, until: Date) {
        self.user = user
        self.reason = reason
        self.blockedBy = blockedBy
        self.blockedAt = blockedAt
        self.until = until
    }

    /// Whether it applies to a call starting at `time` (`time < until`).
    public func applies(at time: Date) -> Bool { BlockPolicy.applies(blockEnd: self.until, toCallAt: time) }
}
