import Foundation
import Verification
import VoiceCall

/// `ivr log [--user USER] [--limit N]`: the sign-in log (SPEC §7), oldest first.
enum LogCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["user", "limit"], in: "log")
        try args.noMoreWords(in: "log")
        var limit: Int?
        if let text = args.options["limit"] {
            guard let value = Int(text), value > 0 else { throw CLIError.usage("--limit: '\(text)' is not a positive whole number") }
            limit = value
        }
        let records = try StateDirectory.readingSession(args).signInLog(user: args.options["user"], limit: limit)
        if args.json {
            records.forEach { Output.json($0) }
            return 0
        }
        guard !records.isEmpty else {
            Output.line("The sign-in log is empty.")
            return 0
        }
        let rows = records.map { record in
            [Timestamp.rfc3339(record.time), record.user, record.maskedNumber,
             record.signIn.map { $0.method ?? "none" } ?? record.method.rawValue, record.callerID ?? "-",
             record.language.description, record.signIn?.result ?? record.result.id,
             record.signIn.map { outcome in
                 // A sign-in shows its own outcome: bypass, error code, and the call's result when one ran.
                 var parts = [outcome.detail]
                 if let bypass = outcome.bypass { parts.append("bypass \(bypass)") }
                 if let code = outcome.errorCode { parts.append("error \(code)") }
                 if let call = outcome.call { parts.append("call: \(call.result)") }
                 return parts.joined(separator: "; ")
             } ?? record.detail.rawValue]
        }
        Output.table([["TIME", "USER", "NUMBER", "METHOD", "CALLER ID", "LANGUAGE", "RESULT", "DETAIL"]] + rows).forEach(Output.line)
        return 0
    }
}
