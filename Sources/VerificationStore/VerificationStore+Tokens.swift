import Foundation
import VoiceCall

extension VerificationStore {
    // MARK: - OATH tokens (SPEC §9)

    /// Every token, or one user's, ordered by user then serial.
    public func tokens(user: UserName? = nil) throws -> [TokenRecord] {
        try self.sealedTokens(user: user).map(\.record)
    }

    /// Tokens with their sealed secrets, for checking codes (`user` nil: all).
    public func sealedTokens(user: UserName? = nil) throws -> [SealedToken] {
        if let user {
            return try self.db.query(Self.tokenSelect + " WHERE user = ? ORDER BY serial", [.text(user.value)], Self.tokenRow)
        }
        return try self.db.query(Self.tokenSelect + " ORDER BY user, serial", [], Self.tokenRow)
    }

    /// The token with this serial (case-insensitive), if any.
    public func sealedToken(serial: String) throws -> SealedToken? {
        try self.db.query(Self.tokenSelect + " WHERE serial = ?", [.text(serial)], Self.tokenRow).first
    }

    /// Stored serial numbers, lowercased, for the import's duplicate check.
    public func tokenSerials() throws -> Set<String> {
        Set(try self.db.query("SELECT lower(serial) FROM oath_tokens") { $0.text(0) })
    }

    /// How many tokens and apps each user has (SPEC §9: at most 5 together).
    public func tokenCountsByUser() throws -> [UserName: Int] {
        var counts: [UserName: Int] = [:]
        for (name, count) in try self.db.query("SELECT user, count(*) FROM oath_tokens GROUP BY user", [], { ($0.text(0), $0.int(1)) }) {
            guard let user = try? UserName(name) else { throw StoreError(.corruptData, "a stored token names an invalid user '\(name)'") }
            counts[user] = count
        }
        return counts
    }

    /// Adds tokens, all in one transaction (a duplicate serial fails the whole call and adds none).
    public func addTokens(_ tokens: [SealedToken]) throws {
        try self.write {
            for token in tokens {
                let r = token.record
                try self.db.run(
                    """
                    INSERT INTO oath_tokens (serial, user, kind, manufacturer, model, interval, sealed_secret, created_at,
                        activated_at, last_used_step, last_used_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [.text(r.serial), .text(r.user.value), .text(r.kind.rawValue), .text(r.manufacturer), .text(r.model),
                     .int(r.interval), .text(token.sealedSecret), r.createdAt.sqlValue, r.activatedAt.sqlValue,
                     r.lastUsedStep.map(SQLiteValue.integer) ?? .null, r.lastUsedAt.sqlValue])
            }
        }
    }

    /// Records that `serial` accepted the code of `step` at `time` (activating it when `activate`).
    ///
    /// - Returns: false when the token is gone or already used `step` or a later one — a concurrent
    ///   verification took the code first, so this one is a replay.
    public func markTokenUsed(serial: String, step: Int64, at time: Date, activate: Bool) throws -> Bool {
        try self.write {
            try self.db.run(
                """
                UPDATE oath_tokens SET last_used_step = ?, last_used_at = ?,
                    activated_at = CASE WHEN ? THEN coalesce(activated_at, ?) ELSE activated_at END
                WHERE serial = ? AND (last_used_step IS NULL OR last_used_step < ?)
                """,
                [.integer(step), time.sqlValue, .int(activate ? 1 : 0), time.sqlValue, .text(serial), .integer(step)])
            return self.db.changes > 0
        }
    }

    /// Deletes the token; returns whether it existed.
    @discardableResult
    public func deleteToken(serial: String) throws -> Bool {
        try self.write {
            try self.db.run("DELETE FROM oath_tokens WHERE serial = ?", [.text(serial)])
            return self.db.changes > 0
        }
    }

    // MARK: - Lockout for app codes

    /// Counts one denial for `user` at `time` with the lockout policy of SPEC §5 (a wrong or replayed
    /// app code), without a sign-in log line: the sign-in that asked writes its own.
    /// - Returns: the counter afterwards.
    @discardableResult
    public func recordDenial(user: UserName, at time: Date) throws -> LockoutState {
        try self.write {
            let settings = try self.loadSettings()
            return try self.updateStanding(user: user, at: time) {
                $0.recordingCall(at: time, denials: [time], verified: false, settings: settings)
            }.lockout
        }
    }

    /// Clears `user`'s denial counter after a successful verification (a lock stays: SPEC §5).
    public func recordVerified(user: UserName, at time: Date) throws {
        _ = try self.write {
            try self.updateStanding(user: user, at: time) {
                $0.recordingCall(at: time, denials: [], verified: true, settings: Settings())
            }
        }
    }

    // MARK: - Rows

    private static let tokenSelect = """
        SELECT serial, user, kind, manufacturer, model, interval, sealed_secret, created_at, activated_at,
            last_used_step, last_used_at FROM oath_tokens
        """

    private static func tokenRow(_ row: SQLiteStatement) throws -> SealedToken {
        let name = row.text(1)
        guard let user = try? UserName(name) else { throw StoreError(.corruptData, "a stored token names an invalid user '\(name)'") }
        guard let kind = TokenRecord.Kind(rawValue: row.text(2)) else {
            throw StoreError(.corruptData, "token \(row.text(0)) has an unknown kind '\(row.text(2))'")
        }
        let record = TokenRecord(
            serial: row.text(0), user: user, kind: kind, manufacturer: row.text(3), model: row.text(4), interval: row.int(5),
            createdAt: row.date(7), activatedAt: row.optionalDate(8), lastUsedStep: row.isNull(9) ? nil : row.int64(9),
            lastUsedAt: row.optionalDate(10))
        return SealedToken(record: record, sealedSecret: row.text(6))
    }
}
