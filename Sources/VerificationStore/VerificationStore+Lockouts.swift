import Foundation
import VoiceCall

extension VerificationStore {
    /// Lockouts in force at `time` (a call starting then would be refused), by user name, so an
    /// admin sees them beside the blocks (`ivr users list`).
    public func lockouts(at time: Date) throws -> [Lockout] {
        try self.db.query(
            "SELECT user, denials, last_denial_at, locked_until FROM lockout WHERE locked_until > ? ORDER BY user",
            [time.sqlValue]
        ) { row in
            let name = row.text(0)
            guard let user = try? UserName(name) else {
                throw StoreError(.corruptData, "the lockout table holds an invalid user name '\(name)'")
            }
            return Lockout(user: user, lockedAt: row.optionalDate(2), until: row.date(3), denials: row.int(1))
        }
    }
}
