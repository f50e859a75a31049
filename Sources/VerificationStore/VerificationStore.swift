import CSQLite
import Foundation
import VoiceCall

/// The persistent state of `ivr` (SPEC §7): one SQLite database, `ivr.sqlite`, in the state
/// directory, and custom greeting audio in its `greetings/` folder.
///
/// **Concurrency.** One instance is one SQLite connection: use it from one thread (it is not
/// `Sendable`). Any number of instances, in this process or others, may share a state directory:
/// the database runs in WAL mode, readers never wait for writers, and every change runs in one
/// `BEGIN IMMEDIATE` transaction, which takes the write lock up front so two writers queue on the
/// busy timeout (10 s) instead of deadlocking on a read-to-write upgrade.
///
/// **Crash safety.** Every change is one transaction, so a process killed at any instant leaves the
/// state as before or after it. `synchronous=NORMAL` with WAL: a killed process never loses a committed
/// transaction; a power cut may lose the last few commits but never corrupts the database. Greeting
/// files are written to a temporary file, fsynced and renamed before their row commits; a crash in
/// between leaves at worst an unreferenced file, which ``sweepOrphans(now:)`` removes.
public final class VerificationStore {
    /// The state directory.
    public let directory: URL
    /// Where greeting audio lives: `<directory>/greetings`.
    public let greetingsDirectory: URL
    let db: SQLiteDatabase
    /// Opened with `readOnly`: reads work, every change fails.
    public let isReadOnly: Bool
    private var transactionDepth = 0
    private var inReadTransaction = false

    /// The database file name inside the state directory.
    public static let databaseFileName = "ivr.sqlite"
    /// How long a writer waits for another one before failing.
    public static let busyTimeoutMilliseconds: Int32 = 10_000

    /// Opens the state in `directory`, creating the directory (mode 0700) and the database as needed,
    /// and brings the schema up to date.
    ///
    /// - Throws: ``StoreError`` when the directory cannot be made or the schema is newer than this
    ///   code; ``SQLiteError`` when SQLite fails.
    ///
    /// With `readOnly`, the existing database is only read (see `VerificationStore+ReadOnly.swift`):
    /// nothing is created, converted or migrated, and every change fails.
    public init(directory: URL, readOnly: Bool = false) throws {
        self.directory = directory.standardizedFileURL
        self.greetingsDirectory = self.directory.appendingPathComponent("greetings", isDirectory: true)
        self.isReadOnly = readOnly
        let path = self.directory.appendingPathComponent(Self.databaseFileName).path
        if readOnly {
            self.db = try Self.openForReading(path)
            try self.checkReadableSchema()
            return
        }
        try Self.makeDirectory(self.directory)
        self.db = try SQLiteDatabase(path: path)
        self.db.setBusyTimeout(milliseconds: Self.busyTimeoutMilliseconds)
        try self.enableWAL()
        try self.db.execute("PRAGMA synchronous=NORMAL")
        try self.db.execute("PRAGMA foreign_keys=ON")
        try self.migrate()
    }

    static func makeDirectory(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError(.stateDirectory, "cannot create the state directory \(url.path): \(error.localizedDescription)")
        }
    }

    // MARK: - Schema

    /// The schema version stored in the database (`PRAGMA user_version`).
    public func schemaVersion() throws -> Int {
        try self.db.query("PRAGMA user_version") { $0.int(0) }.first ?? 0
    }

    /// SQLite's own check of every page and index (`PRAGMA integrity_check`): `["ok"]` when the
    /// database is sound, else one line per problem. For crash tests and admins alike.
    public func integrityCheck() throws -> [String] {
        try self.db.query("PRAGMA integrity_check") { $0.text(0) }
    }

    /// Switches the database to WAL, once per file.
    ///
    /// Converting the journal needs exclusive access, and SQLite does not run the busy handler for
    /// it: two processes opening a new state directory at once can get "database is locked" at
    /// once, whatever the busy timeout. WAL is a property of the file, so the mode is read first (no
    /// lock once converted); otherwise the conversion is retried with a short back-off within the
    /// busy timeout, and another connection finishing it first counts as success.
    private func enableWAL() throws {
        let deadline = Date().addingTimeInterval(Double(Self.busyTimeoutMilliseconds) / 1000)
        while true {
            do {
                let current = try self.db.query("PRAGMA journal_mode") { $0.text(0) }.first ?? ""
                if current.lowercased() == "wal" { return }
                guard Date() < deadline else {
                    throw StoreError(.stateDirectory, "the database stays in '\(current)' journal mode; WAL could not be enabled")
                }
                try self.db.execute("PRAGMA journal_mode=WAL")
            } catch let error as SQLiteError where error.isBusy && Date() < deadline {
                usleep(UInt32.random(in: 2_000...20_000))
            }
        }
    }

    private func migrate() throws {
        // Fast path without the write lock: already current.
        let version = try self.schemaVersion()
        if version == Schema.currentVersion { return }
        try self.write {
            let version = try self.schemaVersion()  // again, under the lock
            guard version <= Schema.currentVersion else {
                throw StoreError(
                    .newerSchema,
                    "the state in \(self.directory.path) has schema version \(version), newer than this ivr knows (\(Schema.currentVersion)); use a newer ivr"
                )
            }
            for index in version..<Schema.currentVersion {
                try self.db.execute(Schema.migrations[index])
            }
            try self.db.execute("PRAGMA user_version = \(Schema.currentVersion)")
        }
    }

    // MARK: - Transactions

    /// Runs `body` in one write transaction: all of its changes commit together, or none do when it
    /// throws.
    ///
    /// Use it to make a check and a later record consistent ("not blocked" → record the call) against
    /// other processes. Calls nest: an inner transaction (including the one inside every store
    /// method) becomes a savepoint of the outer one.
    public func withTransaction<T>(_ body: () throws -> T) throws -> T {
        try self.write(body)
    }

    /// `BEGIN IMMEDIATE` … `COMMIT` at the outermost level, a savepoint inside another transaction.
    func write<T>(_ body: () throws -> T) throws -> T {
        precondition(!self.inReadTransaction, "a write inside a read transaction could fail with SQLITE_BUSY")
        let depth = self.transactionDepth
        if depth == 0 {
            try self.db.execute("BEGIN IMMEDIATE")
        } else {
            try self.db.execute("SAVEPOINT s\(depth)")
        }
        self.transactionDepth += 1
        let result: T
        do {
            result = try body()
        } catch {
            self.transactionDepth = depth
            if depth == 0 {
                try? self.db.execute("ROLLBACK")
            } else {
                try? self.db.execute("ROLLBACK TO s\(depth); RELEASE s\(depth)")
            }
            throw error
        }
        self.transactionDepth = depth
        do {
            try self.db.execute(depth == 0 ? "COMMIT" : "RELEASE s\(depth)")
        } catch {
            if depth == 0, !self.db.isAutocommit { try? self.db.execute("ROLLBACK") }
            throw error
        }
        return result
    }

    /// Runs several reads on one consistent snapshot (a deferred transaction), or inside the current
    /// transaction when there is one.
    func read<T>(_ body: () throws -> T) throws -> T {
        guard self.transactionDepth == 0 else { return try body() }
        try self.db.execute("BEGIN")
        self.transactionDepth = 1
        self.inReadTransaction = true
        defer {
            self.transactionDepth = 0
            self.inReadTransaction = false
            try? self.db.execute("COMMIT")
        }
        return try body()
    }
}
