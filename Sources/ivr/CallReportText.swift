import Verification
import VoiceCall

/// The human renderer of a ``CallReport``: a header, one line per transcript event, the result.
enum CallReportText {
    static func lines(_ report: CallReport) -> [String] {
        var lines = ["── \(report.file) — \(report.user), \(report.number), \(report.method.name.rawValue)"]
        for entry in report.transcript {
            // The inter-digit timer restarts at every key; the JSON keeps those lines, the eye needs not.
            if case .timerStarted(.interDigit, _) = entry.event { continue }
            let actor = entry.actor.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
            lines.append("  \(Output.seconds(entry.time))  \(actor)  \(describe(entry.event, report.promptSet))")
        }
        let callerID = report.callerID.map { "from \($0)" } ?? "no call placed"
        let mails = report.notifications == 1 ? "1 notification" : "\(report.notifications) notifications"
        lines.append("Result: \(report.result.id) — \(report.detail.rawValue) (\(callerID), \(mails))")
        lines.append("")
        return lines
    }

    /// One transcript event in words.
    private static func describe(_ event: TranscriptEntry.Event, _ prompts: PromptSet) -> String {
        switch event {
        case .dial: return "dials"
        case .answered: return "answers"
        case .play(let type):
            let prompt = prompts[type]
            let text = prompt.text.map { " “\($0)”" } ?? " (custom recording)"
            return "plays \(type.id) [\(prompt.language.description), \(prompt.source.rawValue)]\(text)"
        case .interrupted(let type): return "stops \(type.id) (cut short)"
        case .sentDigits(let digits): return "sends extension digits \(digits)"
        case .timerStarted(let purpose, let seconds):
            return "waits up to \(formatted(seconds)) s (\(purpose.rawValue) timer)"
        case .timerExpired(let purpose): return "\(purpose.rawValue) timer expired"
        case .key(let shown, let handling): return "presses \(shown) (\(handling.rawValue))"
        case .entry(let verdict): return "entry judged: \(verdict.rawValue)"
        case .denial: return "wrong PIN counted toward lockout"
        case .fraudReported: return "fraud report stands"
        case .hangUp: return "hangs up"
        case .result(let result, let detail): return "result: \(result.id) — \(detail.rawValue)"
        case .ignoredAction(let line, let action): return "ignored line \(line) '\(action)': the call has ended"
        }
    }

    private static func formatted(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
