import Foundation
import VerificationStore
import VoiceCall

/// The outbox after an optional delivery run.
public struct OutboxReport: Sendable {
    /// How many messages this run delivered; `nil` when none was attempted.
    public var delivered: Int?
    public var messages: [OutboxMessage]
}

extension VerificationSession {
    /// The notification e-mails, queued and sent; with `deliver`, every queued one is first handed
    /// to `notifications.command`.
    ///
    /// - Throws: ``InvalidInput`` when `deliver` is asked but no delivery command is set.
    public func outbox(deliver: Bool) throws -> OutboxReport {
        var delivered: Int?
        if deliver {
            let settings = try store.loadSettings()
            guard settings.notificationCommand != nil else {
                throw InvalidInput("notifications.command", "is not set: nothing can deliver the queued mail")
            }
            delivered = deliverQueuedMail(settings)
        }
        return OutboxReport(delivered: delivered, messages: try store.outbox())
    }
}
