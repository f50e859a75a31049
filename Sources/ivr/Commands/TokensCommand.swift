import CallScript
import Foundation
import OATH
import QRCode
import RegularFile
import Verification
import VerificationStore
import VoiceCall

/// `ivr tokens import|list|activate|delete|add-app` (SPEC §9): OATH hardware tokens and
/// authenticator apps. No subcommand prints a secret, except `add-app`, which shows the new app's
/// `otpauth://` URI (and its QR code) once, because the user's phone must receive it.
enum TokensCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        do {
            switch args.next() {
            case "import": return try importFile(&args)
            case "list": return try list(&args)
            case "activate": return try activate(&args)
            case "delete": return try delete(&args)
            case "add-app": return try addApp(&args)
            case let other?: throw CLIError.usage("unknown 'tokens' command '\(other)'; expected import, list, activate, delete or add-app")
            case nil: throw CLIError.usage("'tokens' needs a command: import, list, activate, delete or add-app")
            }
        } catch let error as TokenError {
            throw CLIError.invalidInput("\(error)")
        }
    }

    /// The largest CSV read: far more than 5 tokens for every user of a large tenant would need.
    static let maxFileBytes = 16 * 1024 * 1024

    // MARK: import

    private static func importFile(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["errors"], in: "tokens import")
        guard let path = args.next() else { throw CLIError.usage("'tokens import' needs the CSV file") }
        try args.noMoreWords(in: "tokens import")
        let data = try readRegularFile(path)
        let reportPath = args.options["errors"] ?? defaultReportPath(for: path)

        let plan: TokenImportPlan
        do {
            plan = try StateDirectory.session(args).importTokens(csv: data)
        } catch let error as TokenFileError {
            throw CLIError.invalidInput("\(path): \(error); nothing was imported")
        }
        if !plan.refused.isEmpty {
            do {
                try Data(TokenCSV.errorReport(plan.refused).utf8).write(to: URL(fileURLWithPath: reportPath), options: .atomic)
            } catch {
                throw CLIError.failure("\(plan.accepted.count) tokens were imported, but the error report \(reportPath) cannot be written: \(error.localizedDescription)")
            }
        }
        if args.json {
            Output.json(ImportJSON(
                file: path,
                imported: plan.importedRows, refused: plan.refusedRows,
                errorReport: plan.refused.isEmpty ? nil : reportPath))
        } else {
            Output.line("Imported \(plan.accepted.count) token\(plan.accepted.count == 1 ? "" : "s") from \(path).")
            if !plan.refused.isEmpty {
                Output.line("Refused \(plan.refused.count) row\(plan.refused.count == 1 ? "" : "s"); the error report is \(reportPath):")
                for row in plan.refused {
                    Output.line("  line \(row.line): \(row.reason)")
                }
            }
        }
        return plan.refused.isEmpty ? 0 : 1
    }

    /// `NAME.errors.csv` beside the input (`tokens.csv` → `tokens.errors.csv`).
    static func defaultReportPath(for path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let base = (name as NSString).pathExtension.isEmpty ? name : (name as NSString).deletingPathExtension
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? base + ".errors.csv" : (directory as NSString).appendingPathComponent(base + ".errors.csv")
    }

    /// Reads an upload that must be a regular file, through `RegularFile` (opened without blocking
    /// and checked on the open descriptor, so a FIFO or device is refused at once, never read).
    private static func readRegularFile(_ path: String) throws -> Data {
        do {
            return Data(try RegularFile.contents(ofPath: path, limit: maxFileBytes))
        } catch .cannotOpen {
            throw CLIError.invalidInput("\(path): cannot be read (no such file, or no permission)")
        } catch .notRegular {
            throw CLIError.invalidInput("\(path): not a regular file")
        } catch .tooLarge {
            throw CLIError.invalidInput("\(path): larger than \(maxFileBytes / 1024 / 1024) MiB")
        } catch .cannotRead {
            throw CLIError.invalidInput("\(path): cannot be read")
        }
    }

    // MARK: list, activate, delete

    private static func list(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["user"], in: "tokens list")
        try args.noMoreWords(in: "tokens list")
        let user = args.options["user"]
        let tokens = try StateDirectory.session(args).tokens(user: user)
        if args.json {
            tokens.forEach { Output.json(TokenJSON($0)) }
        } else if tokens.isEmpty {
            Output.line(user.map { "\($0.lowercased()) has no token or authenticator app." } ?? "No token or authenticator app is stored.")
        } else {
            let rows = tokens.map { token in
                [token.serial, token.user.value, token.kind.rawValue, token.manufacturer.isEmpty ? "-" : token.manufacturer,
                 token.model.isEmpty ? "-" : token.model, "\(token.interval) s",
                 token.activatedAt.map(Timestamp.rfc3339) ?? "no", token.lastUsedAt.map(Timestamp.rfc3339) ?? "never"]
            }
            Output.table([["SERIAL", "USER", "KIND", "MANUFACTURER", "MODEL", "INTERVAL", "ACTIVATED", "LAST USED"]] + rows)
                .forEach(Output.line)
        }
        return 0
    }

    private static func activate(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["code", "at"], in: "tokens activate")
        guard let serial = args.next() else { throw CLIError.usage("'tokens activate' needs the serial number") }
        try args.noMoreWords(in: "tokens activate")
        let code = try args.required("code", in: "tokens activate")
        let time = try args.options["at"].map(timestamp)
        let record = try StateDirectory.session(args).activateToken(serial: serial, code: code, at: time)
        if args.json {
            Output.json(TokenJSON(record))
        } else {
            Output.line("Activated \(record.kind == .app ? "authenticator app" : "token") \(record.serial) of \(record.user): its codes now verify sign-ins.")
        }
        return 0
    }

    /// `tokens delete --json`: `deleted` is a JSON boolean, like `users block`'s `blocked`.
    private struct Deletion: Encodable {
        let serial: String
        let user: String
        let deleted = true
    }

    private static func delete(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "tokens delete")
        guard let serial = args.next() else { throw CLIError.usage("'tokens delete' needs the serial number") }
        try args.noMoreWords(in: "tokens delete")
        let record = try StateDirectory.session(args).deleteToken(serial: serial)
        if args.json {
            Output.json(Deletion(serial: record.serial, user: record.user.value))
        } else {
            Output.line("Deleted \(record.kind == .app ? "authenticator app" : "token") \(record.serial) of \(record.user).")
        }
        return 0
    }

    // MARK: add-app

    private static func addApp(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "tokens add-app")
        guard let name = args.next() else { throw CLIError.usage("'tokens add-app' needs a user name") }
        try args.noMoreWords(in: "tokens add-app")
        let enrolment = try StateDirectory.session(args).addAuthenticatorApp(user: name)
        let serial = enrolment.record.serial
        let user = enrolment.record.user
        if args.json {
            Output.json(["serial": serial, "user": user.value, "uri": enrolment.uri])
            return 0
        }
        Output.line("Enrolled an authenticator app for \(user) as \(serial).")
        Output.line("Scan this QR code with the app, or type the URI into it. It is shown only this once.")
        Output.line("")
        do {
            Output.line(try QRMatrix(encoding: enrolment.uri).terminalText())
        } catch {
            Output.line("(\(error); use the URI)")
        }
        Output.line("")
        Output.line(enrolment.uri)
        Output.line("")
        Output.line("Then activate it with a code the app shows: ivr tokens activate \(serial) --code CODE")
        return 0
    }

    // MARK: Values

    /// `--at`: an RFC 3339 time (`2026-11-25T10:00:00Z`, fractional seconds and offsets allowed).
    private static func timestamp(_ text: String) throws -> Date {
        if case .success(let date) = CallScriptParser.timestamp(text) { return date }
        throw CLIError.invalidInput("--at: '\(text.prefix(40))' is not an RFC 3339 time like 2026-11-25T10:00:00Z")
    }
}

/// `tokens list --json` and `tokens activate --json`: one token, without its secret.
private struct TokenJSON: Encodable {
    let serial: String
    let user: String
    let kind: String
    let manufacturer: String
    let model: String
    let interval: Int
    let activated: Bool
    let activatedAt: String?
    let lastUsedAt: String?

    init(_ record: TokenRecord) {
        serial = record.serial
        user = record.user.value
        kind = record.kind.rawValue
        manufacturer = record.manufacturer
        model = record.model
        interval = record.interval
        activated = record.isActivated
        activatedAt = record.activatedAt.map(Timestamp.rfc3339)
        lastUsedAt = record.lastUsedAt.map(Timestamp.rfc3339)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(serial, forKey: .serial)
        try c.encode(user, forKey: .user)
        try c.encode(kind, forKey: .kind)
        try c.encode(manufacturer, forKey: .manufacturer)
        try c.encode(model, forKey: .model)
        try c.encode(interval, forKey: .interval)
        try c.encode(activated, forKey: .activated)
        try c.encode(activatedAt, forKey: .activatedAt)  // null, not absent, when not activated
        try c.encode(lastUsedAt, forKey: .lastUsedAt)
    }

    private enum CodingKeys: String, CodingKey {
        case serial, user, kind, manufacturer, model, interval, activated, activatedAt, lastUsedAt
    }
}

/// `tokens import --json`: one object per file.
private struct ImportJSON: Encodable {
    let file: String
    let imported: [TokenImportRow]
    let refused: [TokenImportRow]
    /// Where the error report went; null when no row was refused (no report is written then).
    let errorReport: String?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(imported, forKey: .imported)
        try c.encode(refused, forKey: .refused)
        try c.encode(errorReport, forKey: .errorReport)
    }

    private enum CodingKeys: String, CodingKey { case file, imported, refused, errorReport }
}
