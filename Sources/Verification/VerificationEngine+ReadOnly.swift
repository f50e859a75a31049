import Foundation
import VerificationStore
import VoiceCall

extension VerificationEngine {
    /// An engine that never creates, converts or migrates its state directory, for sessions that
    /// only read it.
    init(readingStateDirectory stateDirectory: URL, clock: @escaping @Sendable () -> Date) throws {
        // Nothing is played on a read-only session, and the render cache could not be written.
        try self.init(
            stateDirectory: stateDirectory, clock: clock, promptTiming: .estimate,
            openStore: { try VerificationStore(directory: stateDirectory, readOnly: true) }, probe: false)
    }

    /// A session on a state directory this user cannot write (a backup, another account's state, a
    /// read-only mount): reads work (`signInLog`, `settings`, `blockedUsers`, `lockedOutUsers`,
    /// `greetings`), every change fails. See `VerificationStore(directory:readOnly:)`.
    public static func readingSession(
        stateDirectory: URL, clock: @escaping @Sendable () -> Date = { Date() }
    ) throws -> VerificationSession {
        let engine = try VerificationEngine(readingStateDirectory: stateDirectory, clock: clock)
        return VerificationSession(engine: engine, store: try engine.openStore())
    }
}

extension VerificationEngine {
    /// Whether `error` (from opening an engine or a session) means the state directory cannot be
    /// written by this user, so a front door can offer the read-only commands instead.
    public static func isReadOnlyFailure(_ error: any Error) -> Bool {
        (error as? SQLiteError)?.isReadOnly == true
    }
}
