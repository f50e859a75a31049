import Foundation

/// One user's standing as a store keeps it — the blocks not yet lifted and the PIN-lockout counter —
/// with the rules that read it (SPEC §2 step 1, §5). A store only loads and saves these facts; every
/// decision is made here, so another store (PostgreSQL) cannot get a rule wrong.
///
/// Rules:
/// - **Block before lockout.** A block in force refuses the call as `blocked` whatever the counter.
/// - **A block applies** to calls starting before its end (``BlockPolicy/applies(blockEnd:toCallAt:)``);
///   with several, the latest-ending one is reported.
/// - **Expiry is an unblock.** A block that has ended by the call's start clears the denial counter,
///   if the counter's last denial came before the block's end (a denial after it, from a call
///   processed out of time order, is not the block's business).
public struct UserStanding: Sendable, Equatable {
    /// Blocks not lifted: in force, or ended but not yet marked expired.
    public var blocks: [Block]
    /// The counter as stored (neither expiry nor the reset window applied).
    public var lockout: LockoutState

    public init(blocks: [Block] = [], lockout: LockoutState = .clear) {
        self.blocks = blocks
        self.lockout = lockout
    }

    /// The block in force for a call starting at `time`: the one that ends last.
    public func activeBlock(at time: Date) -> Block? {
        blocks.filter { $0.applies(at: time) }.max { $0.until < $1.until }
    }

    /// The standing once the blocks that ended by `time` are applied: they are dropped and, when
    /// their expiry clears it, so is the counter. `expired` lists them, for the store to mark.
    public func applyingExpiredBlocks(at time: Date) -> (standing: UserStanding, expired: [Block]) {
        let expired = blocks.filter { !$0.applies(at: time) }
        guard let end = expired.map(\.until).max() else { return (self, []) }
        var next = self
        next.blocks = blocks.filter { $0.applies(at: time) }
        if Self.expiryClears(lockout, blockEnd: end) { next.lockout = lockout.clearedByUnblock() }
        return (next, expired)
    }

    /// The counter as it stands for a call at `time`: expired blocks applied, then the lock's expiry
    /// and the reset window (``LockoutState/normalized(at:settings:)``).
    public func lockout(at time: Date, settings: Settings) -> LockoutState {
        applyingExpiredBlocks(at: time).standing.lockout.normalized(at: time, settings: settings)
    }

    /// Whether a call for this user starting at `time` may be placed: a block first, then a lockout.
    public func access(at time: Date, settings: Settings) -> AccessCheck {
        if let block = activeBlock(at: time) { return .blocked(block) }
        let state = lockout(at: time, settings: settings)
        if state.isLocked(at: time), let until = state.lockedUntil { return .lockedOut(until: until) }
        return .allowed(remainingDenials: state.remainingDenials(at: time, settings: settings))
    }

    /// The standing after a finished call at `time`: expired blocks applied, the denials counted,
    /// the counter cleared by a success.
    public func recordingCall(at time: Date, denials: [Date], verified: Bool, settings: Settings) -> UserStanding {
        var next = applyingExpiredBlocks(at: time).standing
        if !denials.isEmpty { next.lockout = next.lockout.recordingDenials(denials, settings: settings) }
        if verified { next.lockout = next.lockout.clearedBySuccess() }
        return next
    }

    /// The standing after an unblock (by an admin): every block lifted and the counter cleared.
    /// What was in force is judged at each of `times` (now, and the user's latest call: scripted calls
    /// carry their own times), so a lock that held at the user's last call counts as lifted.
    public func unblocking(judgedAt times: [Date], settings: Settings) -> (standing: UserStanding, lifted: Unblocked) {
        let block = times.lazy.compactMap { self.activeBlock(at: $0) }.first
        let locked = times.contains { lockout(at: $0, settings: settings).isLocked(at: $0) }
        return (UserStanding(blocks: [], lockout: lockout.clearedByUnblock()),
                Unblocked(block: block, lockedUntil: locked ? lockout.lockedUntil : nil))
    }

    /// A block ending at `end` clears the denials counted before `end`; with no denial on record, it
    /// clears a lock that is left.
    static func expiryClears(_ state: LockoutState, blockEnd end: Date) -> Bool {
        guard let last = state.lastDenialAt else { return state.lockedUntil != nil }
        return last < end
    }
}
