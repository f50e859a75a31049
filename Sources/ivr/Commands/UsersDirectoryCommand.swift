import Foundation
import Verification
import VoiceCall

/// The users directory commands of SPEC §8.1 and §8.3: `ivr users add|show|set-pin|app-password|
/// revoke-mfa-sessions|persistent-browser-session`. The PIN is read from standard input only.
enum UsersDirectoryCommand {
    static let commands = ["add", "show", "set-pin", "app-password", "revoke-mfa-sessions", "persistent-browser-session"]

    static func run(_ command: String, _ args: inout Arguments) throws -> Int32 {
        let full = "users \(command)"
        try args.allowOnly(command == "add" ? ["phone", "method", "language"] : [], in: full)
        guard let name = args.next() else { throw CLIError.usage("'\(full)' needs a user name") }
        let service = try StateDirectory.session(args)
        do {
            switch command {
            case "add":
                try args.noMoreWords(in: full)
                let report = try service.addUser(
                    name, phone: args.required("phone", in: full), method: args.options["method"] ?? "standard",
                    language: args.options["language"])
                show(report, json: args.json, headline: "Registered \(report.user).")
            case "show":
                try args.noMoreWords(in: full)
                show(try service.showUser(name), json: args.json, headline: nil)
            case "set-pin":
                try args.noMoreWords(in: full)
                try service.setPIN(name, pin: try readPIN())
                if args.json { Output.json(["user": name.lowercased(), "pin": "set"]) } else { Output.line("PIN set for \(name.lowercased()) (stored as a salted hash).") }
            case "app-password":
                let present = try choice(&args, full, ["create": true, "remove": false])
                try service.setAppPassword(name, present: present)
                if args.json { Output.json(["user": name.lowercased(), "appPassword": present ? "created" : "removed"]) } else {
                    Output.line(present ? "\(name.lowercased()) has an app password: rich clients must present it." : "\(name.lowercased()) has no app password.")
                }
            case "persistent-browser-session":
                let on = try choice(&args, full, ["on": true, "off": false])
                try service.setPersistentBrowserSession(name, on: on)
                if args.json { Output.json(["user": name.lowercased(), "persistentBrowserSession": on ? "on" : "off"]) } else {
                    Output.line("Persistent browser session control \(on ? "on" : "off") for \(name.lowercased()).")
                }
            default:  // revoke-mfa-sessions
                try args.noMoreWords(in: full)
                let count = try service.revokeMFASessions(name)
                if args.json { Output.json(["user": name.lowercased(), "revoked": String(count)]) } else {
                    Output.line("Forgot \(count) remembered browser\(count == 1 ? "" : "s") of \(name.lowercased()); each will ask for MFA again.")
                }
            }
        } catch let error as InvalidInput {
            throw CLIError.invalidInput(error.description)
        }
        return 0
    }

    /// The registered users after the blocks of `ivr users list` (JSON: one UserReport per line,
    /// after the block objects, which keep their shape).
    static func listRegistered(_ service: VerificationSession, json: Bool) {
        guard let users = try? service.listDirectory() else { return }
        if json {
            users.forEach { Output.json($0) }
        } else if !users.isEmpty {
            Output.line("")
            let rows = users.map { user in
                [user.user, user.phone ?? "-", user.method ?? "-", user.hasPIN ? "yes" : "no",
                 user.lockedOutUntil.map { "until " + Timestamp.rfc3339($0) } ?? "-",
                 String(user.rememberedBrowsers.filter { $0.revokedAt == nil }.count)]
            }
            Output.table([["REGISTERED", "PHONE", "METHOD", "PIN", "LOCKED OUT", "REMEMBERED BROWSERS"]] + rows).forEach(Output.line)
        }
    }

    private static func show(_ report: UserReport, json: Bool, headline: String?) {
        if json {
            Output.json(report)
            return
        }
        if let headline { Output.line(headline) }
        Output.line("User:        \(report.user)\(report.registered ? "" : " (not registered)")")
        if report.registered {
            Output.line("Phone:       \(report.phone ?? "-")")
            Output.line("Method:      \(report.method ?? "-")\(report.language.map { ", language \($0)" } ?? "")")
            Output.line("PIN:         \(report.hasPIN ? "set" : "not set")")
            Output.line("App password: \(report.appPassword ? "created" : "none")")
            Output.line("Persistent browser session: \(report.persistentBrowserSession ? "on" : "off")")
        }
        Output.line("Blocked:     \(report.blockedUntil.map { "until \(Timestamp.rfc3339($0)) (\(report.blockReason ?? ""))" } ?? "no")")
        Output.line("Locked out:  \(report.lockedOutUntil.map { "until \(Timestamp.rfc3339($0))" } ?? "no") (\(report.denials) denials)")
        if report.rememberedBrowsers.isEmpty {
            Output.line("Remembered browsers: none")
        }
        for browser in report.rememberedBrowsers {
            let state = browser.revokedAt.map { "revoked \(Timestamp.rfc3339($0))" } ?? "until \(Timestamp.rfc3339(browser.until))"
            Output.line("Remembered browser \(browser.browser)…: issued \(Timestamp.rfc3339(browser.issuedAt)), \(state)")
        }
    }

    private static func choice(_ args: inout Arguments, _ command: String, _ values: [String: Bool]) throws -> Bool {
        let allowed = values.keys.sorted().joined(separator: "|")
        guard let word = args.next() else { throw CLIError.usage("'\(command)' needs \(allowed)") }
        try args.noMoreWords(in: command)
        guard let value = values[word] else { throw CLIError.usage("'\(command)' takes \(allowed); got '\(word.prefix(40))'") }
        return value
    }

    /// The PIN from standard input: the first line, never from the command line (it would sit in
    /// the shell history and the process list). At most 64 bytes are read.
    private static func readPIN() throws -> String {
        let data = FileHandle.standardInput.readData(ofLength: 64)
        let text = String(decoding: data, as: UTF8.self)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let pin = line.hasSuffix("\r") ? String(line.dropLast()) : line
        guard !pin.isEmpty else { throw CLIError.invalidInput("set-pin reads the PIN from standard input (e.g. printf '4321\\n' | ivr users set-pin USER); nothing was read") }
        return pin
    }
}
