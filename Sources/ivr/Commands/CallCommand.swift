import CallScript
import Foundation
import Verification

/// `ivr call SCRIPT...`: runs each script and prints its transcript (or one JSON line per call).
/// A script that does not parse is reported and skipped; the exit code is then 1.
///
/// The scripts run in chunks (`VerificationSession.runChunk`): a chunk's scripts are read and parsed
/// before its transaction takes the write lock, its calls commit together, and only then are their
/// reports printed, in one write. So a report on standard output is always recorded, and another
/// `ivr` on the same state directory gets the lock between chunks.
enum CallCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["audio"], in: "call")
        guard !args.words.isEmpty else { throw CLIError.usage("'call' needs at least one script") }
        let session = try StateDirectory.session(args)
        let recorder = try CallAudioWriter(args, session: session)
        let limits = CallChunkLimits()
        var paths: [String] = []
        while let path = args.next() { paths.append(path) }

        var exitCode: Int32 = 0
        var output = ReportOutput(json: args.json)
        var pending: [(path: String, script: Result<CallScriptFile, CallScriptError>)] = []
        var nextPath = 0
        while nextPath < paths.count || !pending.isEmpty {
            while pending.count < limits.calls, nextPath < paths.count {
                let path = paths[nextPath]
                nextPath += 1
                pending.append((path, Result { () throws(CallScriptError) in
                    try CallScriptParser.parse(path: path, directory: session.registeredCallee)
                }))
            }
            let chunk = session.runChunk(pending.map(\.script)[...], limits: limits)
            for (outcome, item) in zip(chunk.outcomes, pending) {
                switch outcome {
                case .success(let report):
                    output.add(report)
                    if let recorder {
                        output.flush()
                        try recorder.write(report, script: item.path)
                    }
                case .failure(let error):
                    output.flush()  // keeps the error in its place among the reports
                    Output.error(error.description)
                    exitCode = 1
                }
            }
            output.flush()
            pending.removeFirst(chunk.outcomes.count)
            if let failure = chunk.failure { throw failure }
        }
        MailReport.afterCalls(session.deliverMail())  // after every report is out: a slow relay holds no call up
        return exitCode
    }
}

/// The reports of one chunk, rendered into one reused buffer and written with one system call.
struct ReportOutput {
    let json: Bool
    private var buffer = JSONWriter(capacity: 1 << 16)

    init(json: Bool) {
        self.json = json
    }

    mutating func add(_ report: CallReport) {
        if json {
            report.write(to: &buffer)
            buffer.newline()
        } else {
            for line in CallReportText.lines(report) {
                buffer.bytes.append(contentsOf: line.utf8)
                buffer.newline()
            }
        }
    }

    /// Writes what was gathered (a failure ends the process, see `Output`).
    mutating func flush() {
        Output.write(buffer.bytes)
        buffer.bytes.removeAll(keepingCapacity: true)
    }
}
