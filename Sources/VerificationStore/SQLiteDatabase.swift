import CSQLite

/// One SQLite connection, owned: closed in `deinit`.
///
/// Not thread-safe (opened with `SQLITE_OPEN_NOMUTEX`): use it from one thread at a time. Prepared
/// statements are cached by SQL text, so running the same query again costs no re-parse.
final class SQLiteDatabase {
    let handle: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (creating if needed) the database at `path`; `flags` other than the default are for
    /// `init(readingAt:)`.
    ///
    /// The corresponding C function is `sqlite3_open_v2`.
    init(path: String, flags: Int32 = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX) throws(SQLiteError) {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            // "Whether or not an error occurs when it is opened, resources associated with the
            // database connection handle should be released by passing it to sqlite3_close()."
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close(db) }
            throw SQLiteError(code: rc, message: message, sql: nil)
        }
        sqlite3_extended_result_codes(db, 1)
        self.handle = db
    }

    deinit {
        self.statements.removeAll()  // finalize before closing
        sqlite3_close(self.handle)
    }

    /// Sets how long a statement waits for another connection's lock before failing with BUSY.
    func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(self.handle, milliseconds)
    }

    /// Runs one or more statements that return no rows we need.
    ///
    /// The corresponding C function is `sqlite3_exec`.
    func execute(_ sql: String) throws(SQLiteError) {
        let rc = sqlite3_exec(self.handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw self.error(rc, sql: sql) }
    }

    /// A prepared statement for `sql`, reset and with its bindings cleared, from the cache.
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = self.statements[sql] {
            cached.reset()
            return cached
        }
        let statement = try SQLiteStatement(database: self, sql: sql)
        self.statements[sql] = statement
        return statement
    }

    /// Runs a statement that returns no rows, with `values` bound to its parameters.
    func run(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) {
        let statement = try self.prepare(sql)
        try statement.bind(values)
        while try statement.step() {}
        statement.reset()
    }

    /// Runs a query and maps every row.
    func query<T>(_ sql: String, _ values: [SQLiteValue] = [], _ row: (SQLiteStatement) throws -> T) throws -> [T] {
        let statement = try self.prepare(sql)
        defer { statement.reset() }
        try statement.bind(values)
        var result: [T] = []
        while try statement.step() { result.append(try row(statement)) }
        return result
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes(self.handle)) }

    /// The rowid of the last successful INSERT.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(self.handle) }

    /// Whether the connection is outside any transaction.
    var isAutocommit: Bool { sqlite3_get_autocommit(self.handle) != 0 }

    func error(_ rc: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: rc, message: String(cString: sqlite3_errmsg(self.handle)), sql: sql)
    }
}
