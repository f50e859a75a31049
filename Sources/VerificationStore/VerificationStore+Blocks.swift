import Foundation
import VoiceCall

extension VerificationStore {
    // MARK: - Blocks

    /// Blocks `user` until `until` (an admin block is 90 days: ``BlockPolicy/blockEnd(from:)``).
    ///
    /// A block already in force is replaced (recorded as lifted, reason "replaced by a new block").
    public func block(user: UserName, reason: String, at time: Date, until: Date, by blockedBy: String) throws {
        try self.write {
            try self.applyExpiredBlocks(user: user, at: time)
            try self.insertBlock(user: user, reason: reason, at: time, until: until, by: blockedBy)
        }
    }

    /// Lifts the block on `user` and clears their denial counter and any PIN lockout.
    ///
    /// What was in force is judged at `time` and, when given, also at `alsoAsOf` — the user's own
    /// latest call, so that a lockout set by a call at a scripted (earlier) time counts as lifted
    /// although the wall clock has passed its end.
    ///
    /// - Returns: the block and the lockout end that were in force and are now lifted.
    @discardableResult
    public func unblock(user: UserName, reason: String, at time: Date, alsoAsOf earlier: Date? = nil) throws -> Unblocked {
        try self.write {
            let judged = [time] + (earlier.map { [$0] } ?? [])
            let since = judged.min() ?? time
            try self.applyExpiredBlocks(user: user, at: since)
            let block = try self.activeBlock(user: user, at: since)
            try self.db.run(
                "UPDATE blocks SET lifted_at = ?, lift_reason = ? WHERE user = ? AND lifted_at IS NULL AND until > ?",
                [time.sqlValue, .text(reason), .text(user.value), since.sqlValue])
            let settings = try self.loadSettings()
            let stored = try self.storedLockout(user: user)
            let wasLocked = judged.contains { stored.normalized(at: $0, settings: settings).isLocked(at: $0) }
            try self.saveLockout(.clear, user: user)
            return Unblocked(block: block, lockedUntil: wasLocked ? stored.lockedUntil : nil)
        }
    }

    /// The block in force on `user` for a call starting at `time`, if any.
    public func activeBlock(user: UserName, at time: Date) throws -> Block? {
        try self.db.query(
            """
            SELECT user, reason, blocked_by, blocked_at, until FROM blocks
            WHERE user = ? AND lifted_at IS NULL AND until > ? ORDER BY until DESC LIMIT 1
            """,
            [.text(user.value), time.sqlValue], Self.blockRow
        ).first
    }

    /// Every block in force at `time`, by user name.
    public func blocks(at time: Date) throws -> [Block] {
        try self.db.query(
            """
            SELECT user, reason, blocked_by, blocked_at, until FROM blocks
            WHERE lifted_at IS NULL AND until > ? ORDER BY user, until DESC
            """,
            [time.sqlValue], Self.blockRow)
    }

    // MARK: - Lockout

    /// The user's lockout counter as stored (lock expiry and the reset window are not applied; use
    /// `LockoutState.isLocked(at:)` / `remainingDenials(at:settings:)`, or ``lockoutState(user:at:)``).
    public func lockoutState(user: UserName) throws -> LockoutState {
        try self.storedLockout(user: user)
    }

    /// The user's lockout counter as it stands at `time`: an expired block's clearing, lock expiry and
    /// the reset window applied (without writing anything).
    public func lockoutState(user: UserName, at time: Date) throws -> LockoutState {
        try self.read {
            let settings = try self.loadSettings()
            return try self.effectiveLockout(user: user, at: time, settings: settings)
        }
    }

    /// Whether a call for `user` starting at `time` may be placed (SPEC §2 step 1): a block first,
    /// then a lockout.
    public func checkAccess(user: UserName, at time: Date) throws -> AccessCheck {
        try self.read {
            if let block = try self.activeBlock(user: user, at: time) { return .blocked(block) }
            let settings = try self.loadSettings()
            let state = try self.effectiveLockout(user: user, at: time, settings: settings)
            if state.isLocked(at: time), let until = state.lockedUntil { return .lockedOut(until: until) }
            return .allowed(remainingDenials: state.remainingDenials(at: time, settings: settings))
        }
    }

    // MARK: - Internals

    static func blockRow(_ row: SQLiteStatement) throws -> Block {
        let name = row.text(0)
        guard let user = try? UserName(name) else {
            throw StoreError(.corruptData, "a stored block names an invalid user '\(name)'")
        }
        return Block(user: user, reason: row.text(1), blockedBy: row.text(2), blockedAt: row.date(3), until: row.date(4))
    }

    func insertBlock(user: UserName, reason: String, at time: Date, until: Date, by blockedBy: String) throws {
        try self.db.run(
            "UPDATE blocks SET lifted_at = ?, lift_reason = 'replaced by a new block' WHERE user = ? AND lifted_at IS NULL",
            [time.sqlValue, .text(user.value)])
        try self.db.run(
            "INSERT INTO blocks (user, reason, blocked_by, blocked_at, until) VALUES (?, ?, ?, ?, ?)",
            [.text(user.value), .text(reason), .text(blockedBy), time.sqlValue, until.sqlValue])
    }

    /// The end of the latest block on `user` that expired by `time` and whose expiry is not applied yet.
    private func pendingExpiry(user: UserName, at time: Date) throws -> Date? {
        try self.db.query(
            "SELECT max(until) FROM blocks WHERE user = ? AND lifted_at IS NULL AND until <= ?",
            [.text(user.value), time.sqlValue]
        ) { $0.optionalDate(0) }.first ?? nil
    }

    /// The stored counter with an expired block's clearing applied (expiry is an unblock: SPEC §2).
    private func effectiveLockout(user: UserName, at time: Date, settings: Settings) throws -> LockoutState {
        var state = try self.storedLockout(user: user)
        if let expiredAt = try self.pendingExpiry(user: user, at: time), Self.expiryClears(state, expiredAt) {
            state = state.clearedByUnblock()
        }
        return state.normalized(at: time, settings: settings)
    }

    /// A block expiring at `end` clears the denials counted before `end` (none can come after it
    /// before the expiry is applied, except from calls processed out of time order).
    private static func expiryClears(_ state: LockoutState, _ end: Date) -> Bool {
        guard let last = state.lastDenialAt else { return state.lockedUntil != nil }
        return last < end
    }

    /// Writes the lazy effects of blocks on `user` that expired by `time`: they are marked lifted
    /// ("expired", at their end) and the denial counter is cleared.
    func applyExpiredBlocks(user: UserName, at time: Date) throws {
        guard let expiredAt = try self.pendingExpiry(user: user, at: time) else { return }
        try self.db.run(
            "UPDATE blocks SET lifted_at = until, lift_reason = 'expired' WHERE user = ? AND lifted_at IS NULL AND until <= ?",
            [.text(user.value), time.sqlValue])
        let state = try self.storedLockout(user: user)
        if Self.expiryClears(state, expiredAt) { try self.saveLockout(.clear, user: user) }
    }

    func storedLockout(user: UserName) throws -> LockoutState {
        try self.db.query(
            "SELECT denials, last_denial_at, locked_until FROM lockout WHERE user = ?", [.text(user.value)]
        ) { LockoutState(denials: $0.int(0), lastDenialAt: $0.optionalDate(1), lockedUntil: $0.optionalDate(2)) }
            .first ?? .clear
    }

    func saveLockout(_ state: LockoutState, user: UserName) throws {
        if state == .clear {
            try self.db.run("DELETE FROM lockout WHERE user = ?", [.text(user.value)])
        } else {
            try self.db.run(
                """
                INSERT INTO lockout (user, denials, last_denial_at, locked_until) VALUES (?, ?, ?, ?)
                ON CONFLICT (user) DO UPDATE SET denials = excluded.denials,
                    last_denial_at = excluded.last_denial_at, locked_until = excluded.locked_until
                """,
                [.text(user.value), .int(state.denials), state.lastDenialAt.sqlValue, state.lockedUntil.sqlValue])
        }
    }
}
