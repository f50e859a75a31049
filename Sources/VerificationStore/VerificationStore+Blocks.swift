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

    /// Lifts every block on `user` and clears their denial counter and any PIN lockout.
    ///
    /// What was in force is judged at `time` and, when given, also at `alsoAsOf` — the user's own
    /// latest call (``UserStanding/unblocking(judgedAt:settings:)``).
    ///
    /// - Returns: the block and the lockout end that were in force and are now lifted.
    @discardableResult
    public func unblock(user: UserName, reason: String, at time: Date, alsoAsOf earlier: Date? = nil) throws -> Unblocked {
        try self.write {
            let standing = try self.standing(user: user)
            let (next, lifted) = standing.unblocking(judgedAt: [time] + (earlier.map { [$0] } ?? []), settings: try self.loadSettings())
            let (_, expired) = standing.applyingExpiredBlocks(at: time)
            try self.save(next, expired: expired, was: standing, user: user)
            try self.db.run(
                "UPDATE blocks SET lifted_at = ?, lift_reason = ? WHERE user = ? AND lifted_at IS NULL",
                [time.sqlValue, .text(reason), .text(user.value)])
            return lifted
        }
    }

    /// The block in force on `user` for a call starting at `time`, if any.
    public func activeBlock(user: UserName, at time: Date) throws -> Block? {
        try self.standing(user: user).activeBlock(at: time)
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

    /// The user's lockout counter as it stands at `time` (``UserStanding/lockout(at:settings:)``),
    /// without writing anything.
    public func lockoutState(user: UserName, at time: Date) throws -> LockoutState {
        try self.read { try self.standing(user: user).lockout(at: time, settings: self.loadSettings()) }
    }

    /// Whether a call for `user` starting at `time` may be placed (``UserStanding/access(at:settings:)``).
    public func checkAccess(user: UserName, at time: Date) throws -> AccessCheck {
        try self.read { try self.standing(user: user).access(at: time, settings: self.loadSettings()) }
    }

    // MARK: - Internals

    static func blockRow(_ row: SQLiteStatement) throws -> Block {
        let name = row.text(0)
        guard let user = try? UserName(name) else {
            throw StoreError(.corruptData, "a stored block names an invalid user '\(name)'")
        }
        return Block(user: user, reason: row.text(1), blockedBy: row.text(2), blockedAt: row.date(3), until: row.date(4))
    }

    /// The user's facts: blocks not lifted and the stored counter.
    func standing(user: UserName) throws -> UserStanding {
        let blocks = try self.db.query(
            "SELECT user, reason, blocked_by, blocked_at, until FROM blocks WHERE user = ? AND lifted_at IS NULL",
            [.text(user.value)], Self.blockRow)
        return UserStanding(blocks: blocks, lockout: try self.storedLockout(user: user))
    }

    /// Writes a standing computed from ``standing(user:)``: marks `expired` blocks lifted at their end
    /// and saves the counter when it changed.
    func save(_ next: UserStanding, expired: [Block], was previous: UserStanding, user: UserName) throws {
        for block in expired {
            try self.db.run(
                """
                UPDATE blocks SET lifted_at = until, lift_reason = 'expired'
                WHERE user = ? AND lifted_at IS NULL AND until = ? AND blocked_at = ?
                """,
                [.text(user.value), block.until.sqlValue, block.blockedAt.sqlValue])
        }
        if next.lockout != previous.lockout { try self.saveLockout(next.lockout, user: user) }
    }

    func insertBlock(user: UserName, reason: String, at time: Date, until: Date, by blockedBy: String) throws {
        try self.db.run(
            "UPDATE blocks SET lifted_at = ?, lift_reason = 'replaced by a new block' WHERE user = ? AND lifted_at IS NULL",
            [time.sqlValue, .text(user.value)])
        try self.db.run(
            "INSERT INTO blocks (user, reason, blocked_by, blocked_at, until) VALUES (?, ?, ?, ?, ?)",
            [.text(user.value), .text(reason), .text(blockedBy), time.sqlValue, until.sqlValue])
    }

    /// Writes the lazy effects of blocks on `user` that expired by `time`: they are marked lifted
    /// ("expired", at their end) and, by ``UserStanding``'s rule, the denial counter is cleared.
    /// Reads `user`'s standing, applies `change` (one of `UserStanding`'s pure rules, which apply
    /// the blocks expired by `time` first) and writes the result: expired blocks marked lifted,
    /// the counter saved when it changed.
    @discardableResult
    func updateStanding(user: UserName, at time: Date, _ change: (UserStanding) -> UserStanding) throws -> UserStanding {
        let standing = try self.standing(user: user)
        let expired = standing.applyingExpiredBlocks(at: time).expired
        let next = change(standing)
        try self.save(next, expired: expired, was: standing, user: user)
        return next
    }

    func applyExpiredBlocks(user: UserName, at time: Date) throws {
        try self.updateStanding(user: user, at: time) { $0.applyingExpiredBlocks(at: time).standing }
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
