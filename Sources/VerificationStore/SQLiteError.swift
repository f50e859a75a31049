import CSQLite

/// A failed SQLite call: the result code, SQLite's own message, and the statement that failed.
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The (extended) result code, e.g. `SQLITE_BUSY` (5).
    public let code: Int32
    /// `sqlite3_errmsg` at the time of the failure.
    public let message: String
    /// The SQL being run, when there was one.
    public let sql: String?

    public init(code: Int32, message: String, sql: String?) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// Whether another connection held the lock for longer than the busy timeout.
    public var isBusy: Bool { self.code & 0xFF == SQLITE_BUSY || self.code & 0xFF == SQLITE_LOCKED }

    public var description: String {
        var text = "database error \(self.code): \(self.message)"
        if let sql { text += " (in: \(sql))" }
        return text
    }
}
