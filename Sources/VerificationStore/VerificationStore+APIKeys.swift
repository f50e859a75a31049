import Foundation

extension VerificationStore {
    /// Stores a new key's record (its hash, never the key).
    public func addAPIKey(_ record: APIKeyRecord) throws {
        try self.write {
            try self.db.run(
                "INSERT INTO api_keys (id, name, role, secret_sha256, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)",
                [.text(record.id), .text(record.name), .text(record.role.rawValue), .text(record.secretSHA256),
                 record.createdAt.sqlValue, record.revokedAt.sqlValue])
        }
    }

    /// Every key, revoked ones included, oldest first.
    public func apiKeys() throws -> [APIKeyRecord] {
        try self.db.query(
            "SELECT id, name, role, secret_sha256, created_at, revoked_at FROM api_keys ORDER BY created_at, id", [],
            Self.apiKeyRow)
    }

    /// The key with this id, revoked or not; `nil` when there is none.
    public func apiKey(id: String) throws -> APIKeyRecord? {
        try self.db.query(
            "SELECT id, name, role, secret_sha256, created_at, revoked_at FROM api_keys WHERE id = ?", [.text(id)],
            Self.apiKeyRow
        ).first
    }

    /// Revokes a key from now on. - Returns: false when no unrevoked key has this id.
    public func revokeAPIKey(id: String, at time: Date) throws -> Bool {
        try self.write {
            try self.db.run("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", [time.sqlValue, .text(id)])
            return self.db.changes > 0
        }
    }

    static func apiKeyRow(_ row: SQLiteStatement) throws -> APIKeyRecord {
        guard let role = APIRole(rawValue: row.text(2)) else {
            throw StoreError(.corruptData, "API key \(row.text(0)) has an unknown role '\(row.text(2))'")
        }
        return APIKeyRecord(
            id: row.text(0), name: row.text(1), role: role, secretSHA256: row.text(3), createdAt: row.date(4),
            revokedAt: row.optionalDate(5))
    }
}
