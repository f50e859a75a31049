import Verification

/// How the CLI tells an admin what a delivery run did (issue 12).
enum MailReport {
    /// After `ivr call`: one line on standard error per message not delivered, so a call whose
    /// fraud alert is stuck in the outbox says so; nothing when all went out.
    static func afterCalls(_ summary: MailDeliverySummary) {
        for failure in summary.failures {
            Output.error("mail not delivered to \(failure.to) (\(failure.subject)): \(failure.reason); it stays queued: 'ivr outbox --deliver' retries it")
        }
        if summary.notAttempted > 0 {
            Output.error("\(summary.notAttempted) queued mail(s) not tried before the delivery deadline; 'ivr outbox --deliver' sends them")
        }
    }

    /// `ivr outbox --deliver`: one summary line on standard output (standard error with `--json`,
    /// whose standard output holds only the messages), the reasons on standard error.
    static func afterDelivery(_ summary: MailDeliverySummary, json: Bool) {
        var line = "Delivered \(summary.delivered) of \(summary.claimed) queued messages"
        if !summary.failures.isEmpty { line += "; \(summary.failures.count) failed" }
        if summary.notAttempted > 0 { line += "; \(summary.notAttempted) left for the next run (deadline reached)" }
        line += "."
        if json { Output.error(line) } else { Output.line(line) }
        for failure in summary.failures {
            Output.error("not delivered to \(failure.to) (\(failure.subject)): \(failure.reason)")
        }
    }
}
