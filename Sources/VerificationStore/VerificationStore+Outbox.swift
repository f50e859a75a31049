import Foundation

extension VerificationStore {
    /// Queues e-mails in one transaction; returns their ids in order.
    @discardableResult
    public func enqueue(_ drafts: [OutboxDraft], at time: Date) throws -> [Int64] {
        try self.write { try self.insertOutbox(drafts, at: time) }
    }

    /// Messages not delivered yet, oldest first (claimed or not).
    public func pendingMessages() throws -> [OutboxMessage] {
        try self.db.query(Self.outboxSelect + " WHERE status = 'queued' ORDER BY id", [], Self.outboxRow)
    }

    /// Every message, queued and sent, oldest first.
    public func outbox() throws -> [OutboxMessage] {
        try self.db.query(Self.outboxSelect + " ORDER BY id", [], Self.outboxRow)
    }

    /// Claims the queued messages nobody else is delivering, for `leaseSeconds`, and returns them
    /// oldest first.
    ///
    /// Two processes delivering at once never both get the same message: a claimed message is
    /// skipped by other claims until ``markSent(id:at:)`` or ``markFailed(id:error:)`` settles it, or
    /// until the lease runs out (the claimer died), after which the next run retries it.
    public func claimPendingMessages(at time: Date, leaseSeconds: TimeInterval = 300) throws -> [OutboxMessage] {
        try self.write {
            let free = "status = 'queued' AND (claimed_until IS NULL OR claimed_until <= ?)"
            let messages = try self.db.query(Self.outboxSelect + " WHERE \(free) ORDER BY id", [time.sqlValue], Self.outboxRow)
            try self.db.run(
                "UPDATE outbox SET claimed_until = ? WHERE \(free)",
                [time.addingTimeInterval(leaseSeconds).sqlValue, time.sqlValue])
            return messages
        }
    }

    /// Marks a queued message delivered.
    ///
    /// - Returns: `false` when the message does not exist or was already sent (by another process,
    ///   say), so a caller can tell it did not win the race.
    @discardableResult
    public func markSent(id: Int64, at time: Date) throws -> Bool {
        try self.write {
            try self.db.run(
                """
                UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL, claimed_until = NULL
                WHERE id = ? AND status = 'queued'
                """,
                [time.sqlValue, .integer(id)])
            return self.db.changes > 0
        }
    }

    /// Records a failed delivery: the message stays queued for the next run.
    ///
    /// - Returns: `false` when the message does not exist or is already sent.
    @discardableResult
    public func markFailed(id: Int64, error: String) throws -> Bool {
        try self.write {
            try self.db.run(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, claimed_until = NULL WHERE id = ? AND status = 'queued'",
                [.text(error), .integer(id)])
            return self.db.changes > 0
        }
    }

    func insertOutbox(_ drafts: [OutboxDraft], at time: Date) throws -> [Int64] {
        var ids: [Int64] = []
        for draft in drafts {
            try self.db.run(
                "INSERT INTO outbox (created_at, recipient, subject, body, status) VALUES (?, ?, ?, ?, 'queued')",
                [time.sqlValue, .text(draft.to), .text(draft.subject), .text(draft.body)])
            ids.append(self.db.lastInsertRowID)
        }
        return ids
    }

    private static let outboxSelect =
        "SELECT id, created_at, recipient, subject, body, status, attempts, last_error, sent_at FROM outbox"

    private static func outboxRow(_ row: SQLiteStatement) throws -> OutboxMessage {
        guard let status = OutboxMessage.Status(rawValue: row.text(5)) else {
            throw StoreError(.corruptData, "outbox message \(row.int64(0)) has an unknown status '\(row.text(5))'")
        }
        return OutboxMessage(
            id: row.int64(0), createdAt: row.date(1), to: row.text(2), subject: row.text(3), body: row.text(4),
            status: status, attempts: row.int(6), lastError: row.optionalText(7), sentAt: row.optionalDate(8))
    }
}
