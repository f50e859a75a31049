import Foundation

extension VerificationStore {
    /// Stores a new verification unless a throttle refuses it, in one transaction, so two servers
    /// (or threads) accepting at once can never both take the last place in a window.
    ///
    /// Only accepted verifications count, by normalised number and by user.
    /// - Returns: `nil` when stored, else the refusal with the seconds until a place frees up.
    public func insertVerification(_ record: VerificationRecord, throttle: VerificationThrottle) throws -> VerificationThrottle.Refusal? {
        try self.write {
            let since = record.createdAt.addingTimeInterval(-throttle.window)
            if let number = record.number,
               let oldest = try self.oldestBlocking(column: "number", value: number, since: since, limit: throttle.perNumber) {
                return .number(retryAfter: oldest.addingTimeInterval(throttle.window).timeIntervalSince(record.createdAt))
            }
            if let oldest = try self.oldestBlocking(column: "user", value: record.user, since: since, limit: throttle.perUser) {
                return .user(retryAfter: oldest.addingTimeInterval(throttle.window).timeIntervalSince(record.createdAt))
            }
            try self.db.run(
                """
                INSERT INTO verifications (id, key_id, user, number, status, request, callback_url, report, created_at, ended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(record.id), .text(record.keyID), .text(record.user), .optionalText(record.number),
                 .text(record.status.rawValue), .text(record.requestJSON), .optionalText(record.callbackURL),
                 .optionalText(try record.outcome.map(Self.outcomeJSON)), record.createdAt.sqlValue, record.endedAt.sqlValue])
            return nil
        }
    }

    /// When `limit` or more verifications match in the window: the creation time of the one whose
    /// leaving the window frees a place.
    private func oldestBlocking(column: String, value: String, since: Date, limit: Int) throws -> Date? {
        let times = try self.db.query(
            "SELECT created_at FROM verifications WHERE \(column) = ? AND created_at > ? ORDER BY created_at DESC LIMIT ?",
            [.text(value), since.sqlValue, .int(limit)]
        ) { $0.date(0) }
        return times.count >= limit ? times.last : nil
    }

    public func verification(id: String) throws -> VerificationRecord? {
        try self.db.query(
            """
            SELECT id, key_id, user, number, status, request, callback_url, report, created_at, ended_at
            FROM verifications WHERE id = ?
            """, [.text(id)], Self.verificationRow
        ).first
    }

    /// Moves a verification to `status` if it is in one of `from`; records its outcome and end.
    /// - Returns: false when it was not in one of `from` (already ended or canceled).
    @discardableResult
    public func updateVerification(
        id: String, from: Set<VerificationStatus>, to status: VerificationStatus, outcome: VerificationOutcome?, endedAt: Date?
    ) throws -> Bool {
        try self.write {
            let marks = from.map { _ in "?" }.joined(separator: ", ")
            try self.db.run(
                "UPDATE verifications SET status = ?, report = ?, ended_at = ? WHERE id = ? AND status IN (\(marks))",
                [.text(status.rawValue), .optionalText(try outcome.map(Self.outcomeJSON)), endedAt.sqlValue, .text(id)]
                    + from.map { .text($0.rawValue) })
            return self.db.changes > 0
        }
    }

    /// Ends every verification still queued or calling: what a server that stopped without
    /// finishing them (killed, or its machine lost) left behind. Run once as a server starts.
    /// - Returns: the ids so ended.
    public func endUnfinishedVerifications(at time: Date, detail: String) throws -> [String] {
        try self.write {
            let ids = try self.db.query("SELECT id FROM verifications WHERE status IN ('queued', 'calling') ORDER BY created_at", []) { $0.text(0) }
            let outcome = VerificationOutcome.noCall(detail)
            for id in ids {
                try self.db.run(
                    "UPDATE verifications SET status = 'canceled', report = ?, ended_at = ? WHERE id = ?",
                    [.text(try Self.outcomeJSON(outcome)), time.sqlValue, .text(id)])
            }
            return ids
        }
    }

    static func outcomeJSON(_ outcome: VerificationOutcome) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(outcome), as: UTF8.self)
    }

    static func verificationRow(_ row: SQLiteStatement) throws -> VerificationRecord {
        guard let status = VerificationStatus(rawValue: row.text(4)) else {
            throw StoreError(.corruptData, "verification \(row.text(0)) has an unknown status '\(row.text(4))'")
        }
        var outcome: VerificationOutcome?
        if let json = row.optionalText(7) {
            do {
                outcome = try JSONDecoder().decode(VerificationOutcome.self, from: Data(json.utf8))
            } catch {
                throw StoreError(.corruptData, "verification \(row.text(0)) has an unreadable report: \(error)")
            }
        }
        return VerificationRecord(
            id: row.text(0), keyID: row.text(1), user: row.text(2), number: row.optionalText(3), status: status,
            requestJSON: row.text(5), callbackURL: row.optionalText(6), outcome: outcome, createdAt: row.date(8),
            endedAt: row.optionalDate(9))
    }
}
