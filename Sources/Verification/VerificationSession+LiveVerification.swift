import Foundation
import VerificationStore
import VoiceCall

/// A verification `ivr serve` places over SIP (SPEC §16): unlike a simulated call, the live call
/// runs outside any transaction, so only its start (`queued` → `calling`) and its end (conclude and
/// `calling` → `completed`) are written, each in its own short transaction.
extension VerificationSession {
    /// Marks a queued verification `calling`. - Returns: false when it is no longer queued (canceled).
    public func beginLiveVerification(id: String) throws -> Bool {
        try store.updateVerification(id: id, from: [.queued], to: .calling, outcome: nil, endedAt: nil)
    }

    /// Records a live call's end, in one transaction with the check that the verification is still
    /// `calling`: one canceled meanwhile stays canceled and its call is not concluded, but keeps
    /// the SIP Call-ID (and final status) of the call it hung up, so the trunk's own records of
    /// that call can still be found from the verification.
    ///
    /// - Returns: the report, or `nil` when the verification had been canceled.
    public func concludeLiveVerification(
        id: String, call: PreparedCall, outcome: ChannelOutcome, sipCallId: String?, sipStatus: Int?
    ) throws -> CallReport? {
        try store.withTransaction { () -> CallReport? in
            guard let stored = try store.verification(id: id) else { return nil }
            guard stored.status == .calling else {
                if stored.status == .canceled, let sipCallId, var canceled = stored.outcome, canceled.sipCallId == nil {
                    canceled.sipCallId = sipCallId
                    canceled.sipStatus = sipStatus
                    try store.updateVerification(id: id, from: [.canceled], to: .canceled, outcome: canceled, endedAt: stored.endedAt)
                }
                return nil
            }
            var report = try conclude(call, outcome).report
            report.sipCallId = sipCallId ?? ""
            report.sipStatus = sipStatus
            var recorded = VerificationOutcome(report)
            recorded.sipCallId = sipCallId
            recorded.sipStatus = sipStatus
            try store.updateVerification(id: id, from: [.calling], to: .completed, outcome: recorded, endedAt: now)
            return report
        }
    }
}
