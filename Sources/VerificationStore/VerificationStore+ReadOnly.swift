import Foundation

/// Reading a state directory this user cannot write: `log`, `settings show`, `users list` and
/// `greetings list` still work on it (issue 12); nothing is created, converted to WAL or migrated.
extension VerificationStore {
    static func openForReading(_ path: String) throws -> SQLiteDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.stateDirectory, "there is no database (\(Self.databaseFileName)) to read in \((path as NSString).deletingLastPathComponent)")
        }
        return try SQLiteDatabase(readingAt: path)
    }

    /// A read-only store cannot migrate, so it reads only a database already at this code's schema.
    func checkReadableSchema() throws {
        let version = try self.schemaVersion()
        guard version == Schema.currentVersion else {
            throw StoreError(
                .stateDirectory,
                "the state in \(self.directory.path) is read-only and at schema version \(version), not \(Schema.currentVersion); "
                    + "open it once with write access to upgrade it")
        }
    }
}
