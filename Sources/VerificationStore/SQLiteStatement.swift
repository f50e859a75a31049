import CSQLite

/// `SQLITE_TRANSIENT`: SQLite copies bound text before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One prepared statement, owned: finalized in `deinit`.
final class SQLiteStatement {
    let handle: OpaquePointer
    let sql: String
    private unowned let database: SQLiteDatabase

    /// The corresponding C function is `sqlite3_prepare_v2`.
    init(database: SQLiteDatabase, sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw database.error(rc == SQLITE_OK ? SQLITE_MISUSE : rc, sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.database = database
    }

    deinit { sqlite3_finalize(self.handle) }

    /// Binds `values` to parameters 1...n.
    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(self.handle, index)
            case .integer(let v): rc = sqlite3_bind_int64(self.handle, index, v)
            case .real(let v): rc = sqlite3_bind_double(self.handle, index, v)
            case .text(let v):
                // The explicit byte count keeps any NUL inside the text.
                rc = v.withCString { chars in
                    sqlite3_bind_text(self.handle, index, chars, Int32(v.utf8.count), transient)
                }
            }
            guard rc == SQLITE_OK else { throw self.database.error(rc, sql: self.sql) }
        }
    }

    /// Advances: `true` when a row is ready, `false` when done.
    ///
    /// The corresponding C function is `sqlite3_step`.
    func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(self.handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = self.database.error(rc, sql: self.sql)
            sqlite3_reset(self.handle)
            throw error
        }
    }

    /// Makes the statement ready to run again and drops its bindings.
    func reset() {
        sqlite3_reset(self.handle)
        sqlite3_clear_bindings(self.handle)
    }

    // MARK: - Columns (0-based)

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(self.handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(self.handle, column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(self.handle, column)) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(self.handle, column) }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(self.handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(self.handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? { self.isNull(column) ? nil : self.text(column) }

    func optionalDouble(_ column: Int32) -> Double? { self.isNull(column) ? nil : self.double(column) }
}
