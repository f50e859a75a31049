import Foundation

/// Times are stored as REAL seconds since 1970-01-01T00:00:00Z, readable with SQLite's own
/// `datetime(col, 'unixepoch')`. Whole seconds and milliseconds since 1970 round-trip exactly; other
/// instants (`Date()`) to within a microsecond (Foundation counts from 2001, and the conversion rounds).
extension Date {
    var sqlValue: SQLiteValue { .real(self.timeIntervalSince1970) }

    init(sqlSeconds: Double) { self.init(timeIntervalSince1970: sqlSeconds) }
}

extension Optional where Wrapped == Date {
    var sqlValue: SQLiteValue { self.map(\.sqlValue) ?? .null }
}

extension SQLiteStatement {
    func date(_ column: Int32) -> Date { Date(sqlSeconds: self.double(column)) }
    func optionalDate(_ column: Int32) -> Date? { self.optionalDouble(column).map(Date.init(sqlSeconds:)) }
}
