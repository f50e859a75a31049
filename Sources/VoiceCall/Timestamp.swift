import Foundation

/// The one way an instant is written for people and JSON: RFC 3339 in UTC, whole seconds
/// (`2026-11-25T10:00:00Z`), fractions truncated as `ISO8601DateFormatter` and JSON's `.iso8601`
/// did. Plain arithmetic (civil-from-days), so it needs no formatter object and is thread-safe.
public enum Timestamp {
    public static func rfc3339(_ date: Date) -> String {
        let (days, secondOfDay) = split(date)
        let (year, month, day) = civil(fromDays: days)
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))Z"
    }

    /// RFC 5322's date for mail headers: `Wed, 25 Nov 2026 09:01:22 +0000`.
    public static func rfc5322(_ date: Date) -> String {
        let (days, secondOfDay) = split(date)
        let (year, month, day) = civil(fromDays: days)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let monthName = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
        return "\(weekday), \(pad(day)) \(monthName) \(pad(year, 4)) \(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)) +0000"
    }

    /// Whole days since 1970-01-01 and the second within that day (flooring, also before 1970).
    private static func split(_ date: Date) -> (days: Int, secondOfDay: Int) {
        // As Foundation's formatters do: rounded to the millisecond, then floored to the second.
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (days, seconds - days * 86_400)
    }

    /// Howard Hinnant's `civil_from_days`: the proleptic Gregorian date of a day count.
    private static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
