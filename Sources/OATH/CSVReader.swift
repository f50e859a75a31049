/// One record of a CSV file and the line it starts on (1-based, the header being line 1).
public struct CSVRecord: Sendable, Hashable {
    public let line: Int
    public let fields: [String]
}

/// A record the reader could not split into fields, with the line it starts on.
public struct CSVRecordProblem: Error, Sendable, Hashable {
    public let line: Int
    public let fields: [String]
    public let reason: String
}

/// Splits CSV text into records as RFC 4180 says: fields separated by commas, records by CRLF (LF and
/// a lone CR are accepted too), a field in double quotes may hold commas, line breaks and `""` for a
/// quote. A leading byte-order mark is skipped. Blank lines are skipped.
///
/// A malformed record (a quote inside an unquoted field, text after a closing quote) is reported with
/// its line and reading resumes at the next line, so one bad row never hides the rows after it. A
/// quote left open swallows the rest of the file: that record is reported where it started.
public enum CSVReader {
    public static func records(_ text: String) -> [Result<CSVRecord, CSVRecordProblem>] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var results: [Result<CSVRecord, CSVRecordProblem>] = []
        var index = 0
        var line = 1

        while index < scalars.count {
            let startLine = line
            var fields: [String] = []
            var field = String.UnicodeScalarView()
            var problem: String?
            var quoted = false       // inside a quoted field
            var closedQuote = false  // the field's closing quote was read
            var recordEnded = false

            while index < scalars.count, !recordEnded {
                let scalar = scalars[index]
                index += 1
                if quoted {
                    if scalar == "\"" {
                        if index < scalars.count, scalars[index] == "\"" {
                            field.append("\"")
                            index += 1
                        } else {
                            quoted = false
                            closedQuote = true
                        }
                    } else {
                        field.append(scalar)
                        if scalar == "\r", index < scalars.count, scalars[index] == "\n" {
                            field.append("\n")
                            index += 1
                        }
                        if scalar == "\r" || scalar == "\n" { line += 1 }
                    }
                    continue
                }
                switch scalar {
                case ",":
                    fields.append(String(field))
                    field = String.UnicodeScalarView()
                    closedQuote = false
                case "\r", "\n":
                    line += consumeBreak(scalar, &index, scalars)
                    recordEnded = true
                case "\"" where field.isEmpty && !closedQuote:
                    quoted = true
                default:
                    if problem == nil, closedQuote {
                        problem = "field \(fields.count + 1): text after a closing quote (a quoted field must end at a comma or the line's end)"
                    } else if problem == nil, scalar == "\"" {
                        problem = "field \(fields.count + 1): a double quote inside an unquoted field (quote the whole field and double the quote)"
                    }
                    field.append(scalar)
                }
            }
            if quoted {
                problem = "a quoted field opened on line \(startLine) is never closed"
            }
            fields.append(String(field))
            if let problem {
                results.append(.failure(CSVRecordProblem(line: startLine, fields: fields, reason: problem)))
            } else if fields != [""] {
                results.append(.success(CSVRecord(line: startLine, fields: fields)))
            }
        }
        return results
    }

    /// Counts one line break, taking the `\n` of a `\r\n` pair along; returns 1.
    private static func consumeBreak(_ scalar: Unicode.Scalar, _ index: inout Int, _ scalars: [Unicode.Scalar]) -> Int {
        if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
        return 1
    }
}
