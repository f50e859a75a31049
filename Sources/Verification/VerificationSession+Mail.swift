import Foundation
import VerificationStore
import VoiceCall

extension VerificationSession {
    /// One delivery run over every queued message with `notifications.command`, bounded by one
    /// overall deadline (see `MailCourier`). Calls do not deliver their own mail: the caller runs
    /// this after the call's result is out (`ivr call` does so after the batch), so a slow relay
    /// never holds a call up. Nothing to do when no command is set.
    public func deliverMail(_ settings: Settings? = nil, deadline: TimeInterval = MailCourier.defaultDeadline) -> MailDeliverySummary {
        guard let settings = settings ?? (try? store.loadSettings()), let command = settings.notificationCommand else {
            return MailDeliverySummary()
        }
        return MailCourier(store: store, command: command, deadline: deadline, now: now).deliverQueued()
    }
}
