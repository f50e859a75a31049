import CallScript
import Foundation
import Verification

/// `ivr call SCRIPT...`: runs each script and prints its transcript (or one JSON line per call).
/// A script that does not parse is reported and skipped; the exit code is then 1.
enum CallCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "call")
        guard !args.words.isEmpty else { throw CLIError.usage("'call' needs at least one script") }
        let service = try StateDirectory.service(args)
        var exitCode: Int32 = 0
        while let path = args.next() {
            let report: CallReport
            do {
                let script = try CallScriptParser.parse(contentsOf: URL(fileURLWithPath: path))
                report = try service.run(script)
            } catch let error as CallScriptError {
                Output.error(error.description)
                exitCode = 1
                continue
            }
            if args.json { Output.json(report) } else { print(report) }
        }
        return exitCode
    }

    static func print(_ report: CallReport) {
        Output.line("── \(report.file) — \(report.user), \(report.number), \(report.method)")
        // The inter-digit timer restarts at every key; the JSON keeps those lines, the eye needs not.
        for line in report.transcript where !(line.event == "timer-start" && line.timer == "inter-digit") {
            Output.line("  \(Output.seconds(line.time))  \(line.actor.padding(toLength: 6, withPad: " ", startingAt: 0))  \(describe(line))")
        }
        let callerID = report.callerId.map { "from \($0)" } ?? "no call placed"
        let mails = report.notifications == 1 ? "1 notification" : "\(report.notifications) notifications"
        Output.line("Result: \(report.result) — \(report.detail) (\(callerID), \(mails))")
        Output.line("")
    }

    /// One transcript line in words.
    private static func describe(_ line: CallReport.Line) -> String {
        switch line.event {
        case "dial": return "dials"
        case "answer": return "answers"
        case "play":
            let text = line.text.map { " “\($0)”" } ?? " (custom recording)"
            return "plays \(line.type ?? "") [\(line.language ?? ""), \(line.source ?? "")]\(text)"
        case "interrupted": return "stops \(line.type ?? "") (cut short)"
        case "send-digits": return "sends extension digits \(line.digits ?? "")"
        case "timer-start": return "waits up to \(formatted(line.seconds ?? 0)) s (\(line.timer ?? "") timer)"
        case "timer-expired": return "\(line.timer ?? "") timer expired"
        case "key": return "presses \(line.key ?? "") (\(line.handling ?? ""))"
        case "entry": return "entry judged: \(line.verdict ?? "")"
        case "denial": return "wrong PIN counted toward lockout"
        case "fraud-reported": return "fraud report stands"
        case "hangup": return "hangs up"
        case "result": return "result: \(line.result ?? "") — \(line.detail ?? "")"
        case "ignored": return "ignored line \(line.line ?? 0) '\(line.action ?? "")': the call has ended"
        default: return line.event
        }
    }

    private static func formatted(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
