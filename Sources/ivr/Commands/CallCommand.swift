import CallScript
import Foundation
import Verification

/// `ivr call SCRIPT...`: runs each script and prints its transcript (or one JSON line per call).
/// A script that does not parse is reported and skipped; the exit code is then 1.
enum CallCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["audio"], in: "call")
        guard !args.words.isEmpty else { throw CLIError.usage("'call' needs at least one script") }
        let session = try StateDirectory.session(args)
        let recorder = try CallAudioWriter(args, session: session)
        var exitCode: Int32 = 0
        while let path = args.next() {
            let report: CallReport
            do {
                let script = try CallScriptParser.parse(contentsOf: URL(fileURLWithPath: path), directory: session.registeredCallee)
                report = try session.run(script)
            } catch let error as CallScriptError {
                Output.error(error.description)
                exitCode = 1
                continue
            }
            if args.json { Output.line(report.json) } else { CallReportText.lines(report).forEach(Output.line) }
            try recorder?.write(report, script: path)
        }
        MailReport.afterCalls(session.deliverMail())  // after every report is out: a slow relay holds no call up
        return exitCode
    }
}
