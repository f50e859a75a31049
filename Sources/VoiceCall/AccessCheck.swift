import Foundation

/// Whether a call may be placed for a user at a given start time (SPEC §2 step 1).
public enum AccessCheck: Sendable, Equatable {
    /// Go ahead; at most `remainingDenials` wrong PINs before the account locks.
    case allowed(remainingDenials: Int)
    /// A block is in force: result `blocked`, no call.
    case blocked(Block)
    /// A lockout is in force until the given time: result `locked_out`, no call.
    case lockedOut(until: Date)
}
