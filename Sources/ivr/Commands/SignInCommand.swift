import CallScript
import Foundation
import Verification
import VoiceCall

/// `ivr signin SCRIPT... [--json]`: runs sign-in scripts (SPEC §8.2–8.4). A script that does not
/// parse is reported and skipped; the exit code is then 1.
enum SignInCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "signin")
        guard !args.words.isEmpty else { throw CLIError.usage("'signin' needs at least one script") }
        let service = try StateDirectory.session(args)
        var exitCode: Int32 = 0
        while let path = args.next() {
            let report: SignInReport
            do {
                let script = try service.parseSignIn(contentsOf: URL(fileURLWithPath: path))
                report = try service.signIn(script)
            } catch let error as CallScriptError {
                Output.error(error.description)
                exitCode = 1
                continue
            }
            if args.json { Output.line(report.json) } else { print(report) }
        }
        return exitCode
    }

    private static func print(_ report: SignInReport) {
        Output.line("── \(report.file) — \(report.user)")
        for step in report.steps {
            Output.line("  \(step.step.padding(toLength: 9, withPad: " ", startingAt: 0)) \(step.outcome)")
        }
        if let call = report.call {
            Output.line("  call      \(call.number): \(call.result.id) — \(call.detail.rawValue) (ivr call shows the transcript)")
        }
        var tail: [String] = []
        if let bypass = report.bypass { tail.append("bypass \(bypass)") }
        if let session = report.session { tail.append("session \(session)") }
        if let until = report.rememberedUntil { tail.append("browser remembered until \(Timestamp.rfc3339(until))") }
        if let code = report.errorCode { tail.append("error \(code)") }
        Output.line("Result: \(report.result) — \(report.detail)\(tail.isEmpty ? "" : " (\(tail.joined(separator: ", ")))")")
        Output.line("")
    }
}
