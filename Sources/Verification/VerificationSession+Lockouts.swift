import Foundation
import VerificationStore

extension VerificationSession {
    /// PIN lockouts in force now, by user name (`ivr users list` shows them beside the blocks).
    public func lockedOutUsers() throws -> [Lockout] {
        try store.lockouts(at: now)
    }
}
