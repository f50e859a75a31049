import Foundation
import Verification
import VerificationStore

/// `ivr outbox [--deliver]`: the notification e-mails, queued and sent (SPEC §5). `--deliver`
/// first retries every queued message with `notifications.command`.
enum OutboxCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["deliver"], in: "outbox")
        try args.noMoreWords(in: "outbox")
        let service = try StateDirectory.service(args)
        var summary: MailDeliverySummary?
        if args.flags.contains("deliver") {
            let settings = try service.store.loadSettings()
            guard settings.notificationCommand != nil else {
                throw CLIError.invalidInput("notifications.command is not set: nothing can deliver the queued mail")
            }
            summary = service.deliverMail(settings)
            summary.map { MailReport.afterDelivery($0, json: args.json) }
        }
        let messages = try service.store.outbox()
        if args.json {
            messages.forEach { Output.json($0) }
        } else if messages.isEmpty {
            Output.line("The outbox is empty.")
        } else {
            let rows = messages.map { message in
                [String(message.id), message.status.rawValue, Output.timestamp(message.createdAt), message.to,
                 message.subject, message.lastError.map { "(\(message.attempts) tries: \($0))" } ?? ""]
            }
            Output.table([["ID", "STATUS", "QUEUED", "TO", "SUBJECT", ""]] + rows).forEach(Output.line)
        }
        return summary?.succeeded == false ? 1 : 0
    }
}
