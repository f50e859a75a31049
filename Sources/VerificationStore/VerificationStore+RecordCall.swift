import Foundation
import VoiceCall

extension VerificationStore {
    /// Records a finished verification in one transaction (SPEC §5, §7).
    ///
    /// In order: appends the sign-in log line; applies any block on the user that expired by the
    /// call's start (clearing the counter); counts `denialTimes` with the lockout policy and the
    /// current settings (`LockoutState.recordingDenials`); clears the counter when `verified`; sets the
    /// requested block; queues the e-mails. Either all of it is written or none.
    ///
    /// - Throws: ``StoreError`` (`invalidRecord`) when denials, `verified` or a block come without a
    ///   user; ``SQLiteError`` when SQLite fails.
    @discardableResult
    public func recordCall(_ outcome: CallOutcomeRecord) throws -> RecordedCall {
        if outcome.user == nil, !outcome.denialTimes.isEmpty || outcome.verified || outcome.block != nil {
            throw StoreError(.invalidRecord, "a call record with denials, a success or a block needs a valid user")
        }
        return try self.write {
            let signInID = try self.insertSignIn(outcome.signIn)
            var lockout = LockoutState.clear
            if let user = outcome.user {
                let time = outcome.signIn.time
                let settings = outcome.denialTimes.isEmpty ? Settings() : try self.loadSettings()
                lockout = try self.updateStanding(user: user, at: time) {
                    $0.recordingCall(at: time, denials: outcome.denialTimes, verified: outcome.verified, settings: settings)
                }.lockout
                if let block = outcome.block {
                    try self.insertBlock(user: user, reason: block.reason, at: block.at, until: block.until, by: block.blockedBy)
                }
            }
            let outboxIDs = try self.insertOutbox(outcome.emails, at: outcome.signIn.time)
            return RecordedCall(signInID: signInID, lockout: lockout, outboxIDs: outboxIDs)
        }
    }
}
