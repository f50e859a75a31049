import Foundation

/// What an unblock lifted (``UserStanding/unblocking(judgedAt:settings:)``).
public struct Unblocked: Sendable, Equatable {
    /// The block that was in force, if any.
    public var block: Block?
    /// The end of the PIN lockout that was in force, if any.
    public var lockedUntil: Date?

    public init(block: Block?, lockedUntil: Date?) {
        self.block = block
        self.lockedUntil = lockedUntil
    }

    /// Whether anything was in force.
    public var liftedAnything: Bool { block != nil || lockedUntil != nil }
}
