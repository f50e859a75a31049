import Foundation
import VoiceCall

/// The engine's persistent state as operations, each one transaction: what the engine needs from a
/// store and nothing more. ``VerificationStore`` is the SQLite implementation; a PostgreSQL one
/// implements the same operations and reuses every rule, because the rules are pure values in
/// VoiceCall (``UserStanding``, `LockoutState`, `BlockPolicy`) that a store only loads and saves.
///
/// One instance is one connection, used from one thread (the engine opens one per session).
///
/// **Adding operations.** A capability that needs its own (tokens, sign-in) declares them in a
/// protocol of its own beside its store extension (`TokenStore` in `TokenStore.swift`), conforms
/// ``VerificationStore`` to it there, and adds it to the list `StateStore` refines.
public protocol StateStore: TokenStore, ServerStore, SignInStore {
    /// Runs `body` in one transaction: its operations commit together or not at all; nested calls
    /// become part of the outer one.
    func withTransaction<T>(_ body: () throws -> T) throws -> T
    /// Whether this connection can only read (a state directory the process cannot write).
    var isReadOnly: Bool { get }

    // MARK: Settings
    func loadSettings() throws -> Settings
    /// Read-modify-write in one transaction; nothing is written when `change` throws.
    @discardableResult
    func updateSettings(_ change: (inout Settings) throws -> Void) throws -> Settings

    // MARK: Users: blocks, lockout, the sign-in log
    /// A block first, then a lockout (``UserStanding/access(at:settings:)``).
    func checkAccess(user: UserName, at time: Date) throws -> AccessCheck
    /// Log line, expired blocks, denials, success, block and e-mails, all or nothing.
    @discardableResult
    func recordCall(_ outcome: CallOutcomeRecord) throws -> RecordedCall
    func block(user: UserName, reason: String, at time: Date, until: Date, by blockedBy: String) throws
    @discardableResult
    func unblock(user: UserName, reason: String, at time: Date, alsoAsOf earlier: Date?) throws -> Unblocked
    func blocks(at time: Date) throws -> [Block]
    /// The block in force on one user at `time`, if any (the one that ends last).
    func activeBlock(user: UserName, at time: Date) throws -> Block?
    func lockoutState(user: UserName, at time: Date) throws -> LockoutState
    /// Lockouts in force at `time`, by user.
    func lockouts(at time: Date) throws -> [Lockout]
    func signInLog(user: String?, limit: Int?) throws -> [SignInRecord]

    // MARK: Outbox
    func outbox() throws -> [OutboxMessage]
    func claimPendingMessages(at time: Date, leaseSeconds: TimeInterval) throws -> [OutboxMessage]
    @discardableResult
    func markSent(id: Int64, at time: Date) throws -> Bool
    @discardableResult
    func markFailed(id: Int64, error: String) throws -> Bool
    /// Gives back claims a delivery run did not get to, so the next run takes them at once.
    func releaseClaims(ids: [Int64]) throws

    // MARK: Greetings
    func greetings() throws -> [GreetingRecord]
    @discardableResult
    func addGreeting(
        type: MessageType, language: String, sourceFile: URL, format: String, durationSeconds: Double,
        sizeBytes: Int, at time: Date
    ) throws -> GreetingRecord
    func removeGreeting(type: MessageType, language: String) throws -> Bool
    func greetingFileURL(_ record: GreetingRecord) -> URL
    @discardableResult
    func sweepOrphans(now: Date) throws -> [String]
}

extension VerificationStore: StateStore {}
