import Foundation

extension VerificationStore {
    /// Gives claimed messages back untouched (no attempt counted), so the next delivery run takes
    /// them at once instead of waiting for the lease: for messages a run claimed but had no time
    /// left to send.
    public func releaseClaims(ids: [Int64]) throws {
        try self.write {
            for id in ids {
                try self.db.run("UPDATE outbox SET claimed_until = NULL WHERE id = ? AND status = 'queued'", [.integer(id)])
            }
        }
    }
}
