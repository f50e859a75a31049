import Foundation
import VoiceCall

/// The notification e-mail sent to each configured address when a user reports fraud (SPEC §5),
/// as an RFC 5322 message ready for a `sendmail -t` style command.
///
/// Every header value comes from validated settings or from values the engine made itself; the
/// user name is checked by `UserName` and the masked number holds only digits, `+` and `*`, so no
/// input can inject a header.
struct FraudAlertMail {
    var to: String
    var user: String
    var time: Date
    var maskedNumber: String
    var callerID: String
    var blockedUntil: Date?
    var productName: String

    var subject: String { "Fraud alert: \(user) reported a verification call they did not start" }

    /// The whole message, CRLF line endings, as RFC 5322 requires.
    func render(messageID: String) -> String {
        let headers = [
            "From: \(Self.sender)",
            "To: \(to)",
            "Subject: \(subject)",
            "Date: \(Timestamp.rfc5322(time))",
            "Message-ID: <\(messageID)@ivr.invalid>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        var body = [
            "A user reported a fraudulent sign-in verification call by entering the fraud code.",
            "",
            "User:        \(user)",
            "Time:        \(Timestamp.rfc3339(time))",
            "Number:      \(maskedNumber)",
            "Caller ID:   \(callerID)",
            "Service:     \(productName)",
            "",
        ]
        if let blockedUntil {
            body += [
                "The user is blocked until \(Timestamp.rfc3339(blockedUntil)); every verification for this",
                "user is denied until then. If the user started the sign-in after all, unblock them:",
                "",
                "    ivr users unblock \(user) --reason \"...\"",
            ]
        } else {
            body += [
                "Automatic blocking is off, so the user is not blocked. To block them:",
                "",
                "    ivr users block \(user) --reason \"...\"",
            ]
        }
        return (headers + [""] + body).joined(separator: "\r\n") + "\r\n"
    }

    static let sender = "ivr fraud alerts <ivr-alerts@localhost>"
}
