import Foundation
import VoiceCall

/// Where the CLI writes: results to standard output, errors to standard error. JSON is one
/// compact object per line (JSON Lines) with sorted keys, so output is stable byte for byte.
///
/// A write that fails (a full disk, a pipe whose reader is gone while SIGPIPE is ignored) ends
/// the process at once with exit 1 and one line on standard error (SPEC §13): nothing more can
/// reach the reader, and every call already run was recorded before its report was printed.
/// (With SIGPIPE at its default, a closed pipe ends the process by that signal, as for any tool.)
enum Output {
    static func line(_ text: String) {
        if case .failure(let code) = StandardStream.output.write(text + "\n") {
            failed(code)
        }
    }

    /// Writes `bytes` (whole lines) to standard output in one go; see ``line(_:)`` for a failure.
    static func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if case .failure(let code) = StandardStream.output.write(bytes: bytes) {
            failed(code)
        }
    }

    private static func failed(_ code: CInt) -> Never {
        _ = StandardStream.error.write("ivr: cannot write to standard output: \(String(cString: strerror(code)))\n")
        exit(1)
    }

    static func error(_ text: String) {
        _ = StandardStream.error.write("ivr: " + text + "\n")  // nowhere left to report a failure
    }

    static func json<T: Encodable>(_ value: T) {
        line(encode(value))
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.rfc3339(date))
        }
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Seconds as a transcript shows them: `12.300`.
    static func seconds(_ value: Double) -> String {
        String(format: "%7.3f", value)
    }

    /// Pads columns for a small human table.
    static func table(_ rows: [[String]]) -> [String] {
        guard let width = rows.map(\.count).max() else { return [] }
        var widths = Array(repeating: 0, count: width)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}
