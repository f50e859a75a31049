import Foundation

extension CallScriptParser {
    /// Why an `at` value was refused, in words for the script's author.
    public struct TimestampProblem: Error, Equatable {
        public let message: String
    }

    /// Reads an RFC 3339 timestamp: `YYYY-MM-DDTHH:MM:SS`, optional fractional seconds (1–9 digits),
    /// then `Z` or an offset `±HH:MM`. `T` and `Z` may be lowercase, as RFC 3339 allows.
    ///
    /// Written by hand rather than with `ISO8601DateFormatter` so that exactly this grammar is
    /// accepted on every platform, calendar ranges are checked (no 30 February), and the error says
    /// which part is wrong. Leap seconds (`:60`) are refused: `Date` cannot hold them. The CLI's
    /// `--at` options read their times with it too, so every instant typed in is read alike.
    public static func timestamp(_ text: String) -> Result<Date, TimestampProblem> {
        let bytes = Array(text.utf8)
        let example = "expected an RFC 3339 timestamp like 2026-11-25T10:00:00Z or 2026-11-25T11:00:00.5+01:00"
        func problem(_ detail: String) -> Result<Date, TimestampProblem> {
            .failure(TimestampProblem(message: "\(detail); \(example)"))
        }
        let shown = text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"

        /// The decimal value of `count` ASCII digits at `start`, or nil.
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else {
                return nil
            }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard (0x30...0x39).contains(byte) else {
                    return nil
                }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ index: Int) -> UInt8? {
            index < bytes.count ? bytes[index] : nil
        }

        guard let year = number(0, 4), byte(4) == UInt8(ascii: "-"),
            let month = number(5, 2), byte(7) == UInt8(ascii: "-"),
            let day = number(8, 2)
        else {
            return problem("\(shown) does not start with a date YYYY-MM-DD")
        }
        guard let separator = byte(10), separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") else {
            return problem("\(shown) needs 'T' and a time after the date")
        }
        guard let hour = number(11, 2), byte(13) == UInt8(ascii: ":"),
            let minute = number(14, 2), byte(16) == UInt8(ascii: ":"),
            let second = number(17, 2)
        else {
            return problem("\(shown) has no time HH:MM:SS after the 'T'")
        }
        guard (1...12).contains(month) else {
            return problem("month \(month) in \(shown) is out of range")
        }
        let daysInMonth = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...daysInMonth).contains(day) else {
            return problem("day \(day) in \(shown) does not exist in that month")
        }
        guard hour <= 23, minute <= 59 else {
            return problem("time of day in \(shown) is out of range")
        }
        guard second <= 59 else {
            return problem("second \(second) in \(shown) is out of range (leap seconds are not supported)")
        }

        var index = 19
        var fraction = 0.0
        if byte(index) == UInt8(ascii: ".") {
            var end = index + 1
            while let digit = byte(end), (0x30...0x39).contains(digit) {
                end += 1
            }
            let digits = end - index - 1
            guard (1...9).contains(digits) else {
                return problem("fractional seconds in \(shown) need 1 to 9 digits after the '.'")
            }
            fraction = Double("0" + String(decoding: bytes[index..<end], as: UTF8.self)) ?? 0
            index = end
        }

        let offsetSeconds: Int
        switch byte(index) {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            offsetSeconds = 0
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let offsetHours = number(index + 1, 2), byte(index + 3) == UInt8(ascii: ":"),
                let offsetMinutes = number(index + 4, 2)
            else {
                return problem("the offset in \(shown) must be written ±HH:MM")
            }
            guard offsetHours <= 23, offsetMinutes <= 59 else {
                return problem("the offset in \(shown) is out of range")
            }
            let sign = byte(index) == UInt8(ascii: "-") ? -1 : 1
            offsetSeconds = sign * (offsetHours * 3_600 + offsetMinutes * 60)
            index += 6
        default:
            return problem("\(shown) needs a time zone: 'Z' or an offset like +01:00")
        }
        guard index == bytes.count else {
            return problem("\(shown) has extra characters after the time zone")
        }

        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
        return .success(Date(timeIntervalSince1970: Double(seconds) + fraction))
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`), so no `Calendar` or time zone database is involved.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
