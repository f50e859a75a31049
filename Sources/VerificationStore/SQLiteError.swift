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

    /// What an admin reads: SQLite's message and code, never the statement (`sql` is kept for
    /// debugging; printing it would show the schema to whoever reads the error).
    public var description: String {
        "database error \(self.code): \(self.message)"
    }

    /// The database or its directory cannot be written by this user (`SQLITE_READONLY`, any variant).
    public var isReadOnly: Bool { self.code & 0xFF == SQLITE_READONLY }
}
