import Foundation
import VerificationStore
import VoiceCall

/// A block set by an administrator (`ivr users block`).
public struct BlockReceipt: Sendable, Equatable {
    public var user: UserName
    public var until: Date
}

/// What `ivr users unblock` lifted.
public struct UnblockReceipt: Sendable, Equatable {
    public var user: UserName
    public var lifted: Unblocked
}

extension VerificationSession {
    /// Blocks `user` for 90 days from now, replacing any block in force (SPEC §5).
    ///
    /// - Throws: ``InvalidInput`` for a malformed user name or reason.
    public func block(user name: String, reason: String) throws -> BlockReceipt {
        let user = try Self.userName(name)
        let reason = try Self.checkedReason(reason)
        let now = self.now
        let until = BlockPolicy.blockEnd(from: now)
        try store.block(user: user, reason: reason, at: now, until: until, by: VerificationEngine.adminBlocker)
        return BlockReceipt(user: user, until: until)
    }

    /// Lifts any block and lockout on `user` and clears the PIN denial counter (SPEC §5).
    ///
    /// What was in force is judged now and at the user's latest call: calls from `.call` scripts
    /// carry their own times, and unblocking a user their script locked out reports that it did.
    public func unblock(user name: String, reason: String) throws -> UnblockReceipt {
        let user = try Self.userName(name)
        let reason = try Self.checkedReason(reason)
        let lastCall = try store.signInLog(user: user.value, limit: 1).first?.time
        let lifted = try store.unblock(user: user, reason: reason, at: now, alsoAsOf: lastCall)
        return UnblockReceipt(user: user, lifted: lifted)
    }

    /// Every block in force now, by user name.
    public func blockedUsers() throws -> [Block] {
        try store.blocks(at: now)
    }

    /// The user's lockout counter as it stands at `time` (now when `nil`).
    public func lockout(user: UserName, at time: Date? = nil) throws -> LockoutState {
        try store.lockoutState(user: user, at: time ?? now)
    }

    /// The sign-in log, oldest first; `user` compared ignoring case, `limit` keeps the most recent.
    ///
    /// - Throws: ``InvalidInput`` when `limit` is not positive.
    public func signInLog(user: String? = nil, limit: Int? = nil) throws -> [SignInRecord] {
        if let limit, limit <= 0 { throw InvalidInput("--limit", "'\(limit)' is not a positive whole number") }
        return try store.signInLog(user: user?.lowercased(), limit: limit)
    }

    static func userName(_ text: String) throws -> UserName {
        do { return try UserName(text) } catch { throw InvalidInput("user", "\(error)") }
    }

    /// A reason is shown in tables and e-mails: one line of printable text, at most 500 characters.
    static func checkedReason(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw InvalidInput("--reason", "give a reason (it is kept with the block)") }
        guard trimmed.count <= 500 else { throw InvalidInput("--reason", "at most 500 characters") }
        guard !trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw InvalidInput("--reason", "control characters and line breaks are not allowed")
        }
        return trimmed
    }
}
