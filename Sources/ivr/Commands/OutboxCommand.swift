import Foundation
import Verification
import VoiceCall

/// `ivr outbox [--deliver]`: the notification e-mails, queued and sent (SPEC §5). `--deliver`
/// first retries every queued message with `notifications.command`.
enum OutboxCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["deliver"], in: "outbox")
        try args.noMoreWords(in: "outbox")
        let report = try StateDirectory.session(args).outbox(deliver: args.flags.contains("deliver"))
        report.delivery.map { MailReport.afterDelivery($0, json: args.json) }
        let messages = report.messages
        if args.json {
            messages.forEach { Output.json($0) }
        } else if messages.isEmpty {
            Output.line("The outbox is empty.")
        } else {
            let rows = messages.map { message in
                [String(message.id), message.status.rawValue, Timestamp.rfc3339(message.createdAt), message.to,
                 message.subject, message.lastError.map { "(\(message.attempts) tries: \($0))" } ?? ""]
            }
            Output.table([["ID", "STATUS", "QUEUED", "TO", "SUBJECT", ""]] + rows).forEach(Output.line)
        }
        return report.delivery?.succeeded == false ? 1 : 0
    }
}
