import Foundation
import VerificationStore
import VoiceCall

/// The outbox after an optional delivery run.
public struct OutboxReport: Sendable {
    /// How many messages this run delivered; `nil` when none was attempted.
    public var delivered: Int? { self.delivery?.delivered }
    /// What the delivery run did; `nil` when none was attempted.
    public var delivery: MailDeliverySummary?
    public var messages: [OutboxMessage]
}

extension VerificationSession {
    /// The notification e-mails, queued and sent; with `deliver`, every queued one is first handed
    /// to `notifications.command`.
    ///
    /// - Throws: ``InvalidInput`` when `deliver` is asked but no delivery command is set.
    public func outbox(deliver: Bool) throws -> OutboxReport {
        var delivery: MailDeliverySummary?
        if deliver {
            let settings = try store.loadSettings()
            guard settings.notificationCommand != nil else {
                throw InvalidInput("notifications.command", "is not set: nothing can deliver the queued mail")
            }
            delivery = deliverMail(settings)
        }
        return OutboxReport(delivery: delivery, messages: try store.outbox())
    }
}
