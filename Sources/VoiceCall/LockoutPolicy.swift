import Foundation

/// One user's PIN-lockout counter (SPEC §5): a pure value the store persists per user.
///
/// Rules, with every boundary spelled out:
/// - Each wrong PIN is a *denial*. Denials count per user, across calls.
/// - **Reset window.** The counter returns to zero once `lockoutResetMinutes` have passed since the
///   last denial: a denial exactly `resetMinutes` after the previous one finds the counter already
///   at zero and counts as the first again (`elapsed >= window` resets).
/// - **Lock.** The denial that brings the counter to `lockoutDenials` locks the account until that
///   denial's time plus `lockoutUnblockMinutes`.
/// - **In force.** A lock applies to a call whose start time is *before* its end: a call starting
///   exactly at `lockedUntil` is not locked out (`isLocked(at:)` is `at < lockedUntil`). There is no
///   lower bound: a call processed after the lock with an earlier start time is locked out too.
/// - **Expiry** at or after `lockedUntil` clears the whole counter, as an admin unblock does.
/// - **Denials while locked** (the call that reached the threshold may carry later wrong entries if
///   the driver records them) are ignored: they neither count nor extend the lock.
/// - **Success** clears the counter but cannot lift a lock (a locked account gets no call).
/// - **Threshold lowered** below the current count by an admin: the account is not locked at once;
///   the next denial locks it. ``remainingDenials(at:settings:)`` is therefore at least 1 while
///   unlocked.
public struct LockoutState: Sendable, Equatable, Hashable, Codable {
    /// Denials counted since the counter was last cleared.
    public var denials: Int
    /// When the most recent counted denial happened.
    public var lastDenialAt: Date?
    /// When the lock ends, when a lock was reached.
    public var lockedUntil: Date?

    /// A cleared counter: no denials, no lock.
    public static let clear = LockoutState()

    public init(denials: Int = 0, lastDenialAt: Date? = nil, lockedUntil: Date? = nil) {
        self.denials = denials
        self.lastDenialAt = lastDenialAt
        self.lockedUntil = lockedUntil
    }

    /// Whether a call starting at `time` is refused: `time < lockedUntil`.
    public func isLocked(at time: Date) -> Bool {
        guard let lockedUntil else { return false }
        return time < lockedUntil
    }

    /// The state as it stands at `time`: an expired lock is gone (counter cleared), and an unlocked
    /// counter whose last denial is `lockoutResetMinutes` or more before `time` is back at zero.
    public func normalized(at time: Date, settings: Settings) -> LockoutState {
        if let lockedUntil {
            return time < lockedUntil ? self : .clear
        }
        if let lastDenialAt, time.timeIntervalSince(lastDenialAt) >= Self.seconds(settings.lockoutResetMinutes) {
            return .clear
        }
        return self
    }

    /// How many more wrong PINs a call starting at `time` may take before the account locks:
    /// 0 when locked, otherwise `lockoutDenials - denials` (after the reset window and expiry), and
    /// never less than 1 while unlocked.
    public func remainingDenials(at time: Date, settings: Settings) -> Int {
        let current = self.normalized(at: time, settings: settings)
        if current.isLocked(at: time) { return 0 }
        return max(1, settings.lockoutDenials - current.denials)
    }

    /// The state after denials at `times` (in any order; applied in time order).
    public func recordingDenials(_ times: [Date], settings: Settings) -> LockoutState {
        var state = self
        for time in times.sorted() {
            state = state.normalized(at: time, settings: settings)
            if state.isLocked(at: time) { continue }
            state.denials += 1
            state.lastDenialAt = time
            if state.denials >= settings.lockoutDenials {
                state.lockedUntil = time.addingTimeInterval(Self.seconds(settings.lockoutUnblockMinutes))
            }
        }
        return state
    }

    /// The state after a successful verification: the counter is cleared; a lock (which a successful
    /// call cannot normally meet) stays.
    public func clearedBySuccess() -> LockoutState {
        LockoutState(denials: 0, lastDenialAt: nil, lockedUntil: self.lockedUntil)
    }

    /// The state after an unblock, by an admin or by a block's expiry: everything cleared.
    public func clearedByUnblock() -> LockoutState { .clear }

    private static func seconds(_ minutes: Int) -> TimeInterval { TimeInterval(minutes) * 60 }
}
