import Foundation
import VerificationStore

extension VerificationEngine {
    /// A session on a state directory this user cannot write (a backup, another account's state, a
    /// read-only mount): its store is opened read-only, so nothing is created, converted to WAL or
    /// migrated; reads work (`signInLog`, `settings`, `blockedUsers`, `lockedOutUsers`,
    /// `greetings`), every change fails. See `VerificationStore(directory:readOnly:)`.
    public static func readingSession(
        stateDirectory: URL, clock: @escaping @Sendable () -> Date = { Date() }
    ) throws -> VerificationSession {
        try VerificationEngine(stateDirectory: stateDirectory, clock: clock) {
            try VerificationStore(directory: stateDirectory, readOnly: true)
        }.session()
    }
}
