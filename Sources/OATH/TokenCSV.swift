import Foundation
import VoiceCall

/// Reads a token CSV (SPEC §9) into an import plan, and writes the error report of its refusals.
///
/// Pure: what the store already holds comes in as `existing`, so the same rules serve the CLI, the
/// server and the tests, and the engine can build the plan inside the transaction that applies it.
public enum TokenCSV {
    /// What the store holds that a row may collide with.
    public struct Existing: Sendable {
        /// Serial numbers already stored, lowercased (serials compare case-insensitively).
        public var serials: Set<String>
        /// Tokens and authenticator apps each user already has.
        public var countsByUser: [UserName: Int]

        public init(serials: Set<String> = [], countsByUser: [UserName: Int] = [:]) {
            self.serials = serials
            self.countsByUser = countsByUser
        }
    }

    /// The plan for the file's bytes. Throws ``TokenFileError`` when the file as a whole is unusable.
    public static func plan(_ data: Data, existing: Existing) throws(TokenFileError) -> TokenImportPlan {
        guard let text = String(data: data, encoding: .utf8) else {
            throw TokenFileError(line: firstInvalidUTF8Line(data), reason: "the file is not UTF-8 text")
        }
        return try plan(text, existing: existing)
    }

    /// The plan for the file's text. Throws ``TokenFileError`` when the header is missing or wrong.
    public static func plan(_ text: String, existing: Existing) throws(TokenFileError) -> TokenImportPlan {
        var records = CSVReader.records(text)[...]
        guard let first = records.popFirst() else {
            throw TokenFileError(line: 1, reason: "the file is empty; the header row '\(expectedHeader)' is required")
        }
        try checkHeader(first)

        var plan = TokenImportPlan()
        var existing = existing
        var firstLineOfSerial: [String: Int] = [:]
        for record in records {
            let row: CSVRecord
            switch record {
            case .failure(let problem):
                plan.refused.append(.init(line: problem.line, upn: cell(problem.fields, 0), serial: cell(problem.fields, 1), reason: problem.reason))
                continue
            case .success(let value):
                row = value
            }
            switch check(row, existing: existing, firstLineOfSerial: firstLineOfSerial) {
            case .refused(let refusal):
                plan.refused.append(refusal)
            case .accepted(let seed):
                plan.accepted.append(.init(line: row.line, seed: seed))
                existing.serials.insert(seed.serial.lowercased())
                existing.countsByUser[seed.user, default: 0] += 1
                firstLineOfSerial[seed.serial.lowercased()] = row.line
            }
        }
        return plan
    }

    /// The error report: `line,upn,serial number,error`, one row per refusal (RFC 4180 quoting).
    public static func errorReport(_ refused: [TokenImportPlan.Refused]) -> String {
        var lines = ["line,upn,serial number,error"]
        for row in refused {
            lines.append([String(row.line), row.upn, row.serial, row.reason].map(reportCell).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Rows

    private static var expectedHeader: String { TokenImportRules.header.joined(separator: ",") }

    private static func checkHeader(_ record: Result<CSVRecord, CSVRecordProblem>) throws(TokenFileError) {
        switch record {
        case .failure(let problem):
            throw TokenFileError(line: problem.line, reason: "the header row cannot be read (\(problem.reason)); expected '\(expectedHeader)'")
        case .success(let header):
            guard header.line == 1 else {
                throw TokenFileError(line: 1, reason: "the header row '\(expectedHeader)' must be the first line")
            }
            guard header.fields.map({ $0.lowercased() }) == TokenImportRules.header else {
                throw TokenFileError(line: 1, reason: "the header row must be exactly '\(expectedHeader)' (any letter case)")
            }
        }
    }

    private static func check(
        _ row: CSVRecord, existing: Existing, firstLineOfSerial: [String: Int]
    ) -> RowCheck {
        let fields = row.fields
        let upnText = trimmed(cell(fields, 0))
        let serial = trimmed(cell(fields, 1))
        func refuse(_ reason: String) -> RowCheck {
            .refused(.init(line: row.line, upn: upnText, serial: serial, reason: reason))
        }
        guard fields.count == TokenImportRules.header.count else {
            return refuse("expected \(TokenImportRules.header.count) fields (\(expectedHeader)), found \(fields.count)")
        }

        var problems: [String] = []
        var user: UserName?
        do { user = try UserName(upnText) } catch { problems.append("upn: \(error.reason) (expected user@domain)") }
        if let problem = serialProblem(serial) { problems.append("serial number: \(problem)") }
        let secret = secretCheck(fields[2])
        if case .failure(let problem) = secret { problems.append("secret key: \(problem.reason)") }
        let intervalText = trimmed(fields[3])
        let interval = Int(intervalText).flatMap(TokenInterval.init(seconds:))
        if interval == nil { problems.append("time interval: '\(printable(intervalText, limit: 20))' is not 30 or 60 (seconds)") }
        let manufacturer = trimmed(fields[4]), model = trimmed(fields[5])
        if let problem = labelProblem(manufacturer) { problems.append("manufacturer: \(problem)") }
        if let problem = labelProblem(model) { problems.append("model: \(problem)") }

        guard problems.isEmpty, let user, case .success(let secretBytes) = secret, let interval else {
            return refuse(problems.joined(separator: "; "))
        }
        if let line = firstLineOfSerial[serial.lowercased()] {
            return refuse("serial number '\(serial)' appears again in this file (first on line \(line))")
        }
        if existing.serials.contains(serial.lowercased()) {
            return refuse("serial number '\(serial)' is already imported")
        }
        if existing.countsByUser[user, default: 0] >= TokenImportRules.maxTokensPerUser {
            return refuse("\(user) already has \(TokenImportRules.maxTokensPerUser) tokens and authenticator apps, the most a user may have")
        }
        return .accepted(TokenSeed(user: user, serial: serial, secret: secretBytes, interval: interval, manufacturer: manufacturer, model: model))
    }

    /// One data row's fate.
    private enum RowCheck {
        case accepted(TokenSeed)
        case refused(TokenImportPlan.Refused)
    }

    private struct SecretProblem: Error { let reason: String }

    /// Base32, at most 128 characters as written, at least 80 bits. The reason never quotes the secret.
    private static func secretCheck(_ text: String) -> Result<[UInt8], SecretProblem> {
        let written = text.trimmingCharacters(in: .whitespaces)
        guard !written.isEmpty else { return .failure(SecretProblem(reason: "it is empty")) }
        guard written.count <= TokenImportRules.maxSecretCharacters else {
            return .failure(SecretProblem(reason: "\(written.count) characters; at most \(TokenImportRules.maxSecretCharacters) are allowed"))
        }
        let bytes: [UInt8]
        do { bytes = try Base32.decode(written) } catch { return .failure(SecretProblem(reason: error.description)) }
        guard bytes.count * 8 >= TokenImportRules.minSecretBits else {
            return .failure(SecretProblem(reason: "\(bytes.count * 8) bits; at least \(TokenImportRules.minSecretBits) bits (16 Base32 characters) are required"))
        }
        return .success(bytes)
    }

    static func serialProblem(_ serial: String) -> String? {
        guard !serial.isEmpty else { return "it is empty" }
        guard serial.count <= TokenImportRules.maxSerialCharacters else {
            return "longer than \(TokenImportRules.maxSerialCharacters) characters"
        }
        guard let first = serial.unicodeScalars.first, isASCIIAlphanumeric(first) else {
            return "it must start with a letter or a digit"
        }
        for scalar in serial.unicodeScalars where !(isASCIIAlphanumeric(scalar) || "-_.".unicodeScalars.contains(scalar)) {
            return "the character '\(printable(String(scalar), limit: 10))' is not allowed (letters, digits, '-', '_' and '.')"
        }
        return nil
    }

    private static func labelProblem(_ text: String) -> String? {
        guard text.count <= TokenImportRules.maxLabelCharacters else { return "longer than \(TokenImportRules.maxLabelCharacters) characters" }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return "control characters and line breaks are not allowed"
        }
        return nil
    }

    // MARK: - Cells

    private static func cell(_ fields: [String], _ index: Int) -> String { index < fields.count ? fields[index] : "" }

    private static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }

    private static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }

    /// A value quoted in a reason: control characters escaped, long values cut.
    private static func printable(_ text: String, limit: Int) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(limit) {
            if scalar.properties.generalCategory == .control || scalar.value == 0xFEFF {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > limit ? out + "…" : out
    }

    /// One cell of the error report: quoted when it holds a comma, a quote, a line break or edge
    /// spaces; a cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first)
    /// gets a leading apostrophe, so opening the report never executes what a bad row carried.
    static func reportCell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        let needsQuotes = value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    private static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == 0x0A {
            if String(data: data[start..<index], encoding: .utf8) == nil { return line }
            line += 1
            start = data.index(after: index)
        }
        return line
    }
}
