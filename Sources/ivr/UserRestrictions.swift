import Foundation
import VerificationStore
import VoiceCall

/// `ivr users list`: every block and every PIN lockout in force, one line each (issue 12).
///
/// JSON lines carry `kind`: `block` (`user`, `reason`, `blockedBy`, `blockedAt`, `until`) or
/// `lockout` (`user`, `lockedAt`, `until`, `denials`).
enum UserRestrictions {
    static func print(blocks: [Block], lockouts: [Lockout], json: Bool) {
        if json {
            for block in blocks {
                Output.json(BlockLine(user: block.user.value, reason: block.reason, blockedBy: block.blockedBy,
                                      blockedAt: Timestamp.rfc3339(block.blockedAt), until: Timestamp.rfc3339(block.until)))
            }
            for lockout in lockouts {
                Output.json(LockoutLine(user: lockout.user.value, lockedAt: lockout.lockedAt.map(Timestamp.rfc3339),
                                        until: Timestamp.rfc3339(lockout.until), denials: lockout.denials))
            }
            return
        }
        guard !blocks.isEmpty || !lockouts.isEmpty else {
            Output.line("No user is blocked or locked out.")
            return
        }
        let rows = blocks.map { [$0.user.value, "blocked", Timestamp.rfc3339($0.until), $0.blockedBy, $0.reason] }
            + lockouts.map { [$0.user.value, "locked out", Timestamp.rfc3339($0.until), "pin-lockout", "\($0.denials) wrong PINs"] }
        Output.table([["USER", "STATE", "UNTIL", "BY", "REASON"]] + rows).forEach(Output.line)
    }

    /// `users block --json`.
    struct BlockResult: Encodable {
        var user: String
        var blocked: Bool
        var until: String
    }

    /// `users unblock --json`: `unblocked` is false when nothing was in force.
    struct UnblockResult: Encodable {
        var user: String
        var unblocked: Bool
    }

    private struct BlockLine: Encodable {
        let kind = "block"
        var user: String
        var reason: String
        var blockedBy: String
        var blockedAt: String
        var until: String
    }

    private struct LockoutLine: Encodable {
        let kind = "lockout"
        var user: String
        var lockedAt: String?
        var until: String
        var denials: Int

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(self.kind, forKey: .kind)
            try container.encode(self.user, forKey: .user)
            try container.encode(self.lockedAt, forKey: .lockedAt)  // explicit null when unknown
            try container.encode(self.until, forKey: .until)
            try container.encode(self.denials, forKey: .denials)
        }

        private enum CodingKeys: String, CodingKey { case kind, user, lockedAt, until, denials }
    }
}
