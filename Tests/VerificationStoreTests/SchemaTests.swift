import CSQLite
import Foundation
import Testing
@testable import VerificationStore

@Suite struct SchemaTests {
    @Test func createsTheDirectoryPrivateAndTheDatabaseInWAL() throws {
        try withStateDirectory { dir in
            let nested = dir.appendingPathComponent("a/b", isDirectory: true)
            let store = try VerificationStore(directory: nested)
            let mode = try FileManager.default.attributesOfItem(atPath: nested.path)[.posixPermissions] as? Int
            #expect(mode == 0o700)
            #expect(FileManager.default.fileExists(atPath: nested.appendingPathComponent("ivr.sqlite").path))
            #expect(try store.schemaVersion() == Schema.currentVersion)
            #expect(try store.db.query("PRAGMA journal_mode") { $0.text(0) } == ["wal"])
            #expect(try store.db.query("PRAGMA busy_timeout") { $0.int(0) } == [10_000])
        }
    }

    @Test func reopeningDoesNotMigrateAgain() throws {
        try withStateDirectory { dir in
            let first = try VerificationStore(directory: dir)
            try first.recordCall(wrongPINCall("alice@contoso.com", at: t0))
            let second = try VerificationStore(directory: dir)
            #expect(try second.signInCount() == 1)
        }
    }

    @Test func refusesADatabaseFromANewerVersion() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            try store.db.execute("PRAGMA user_version = \(Schema.currentVersion + 1)")
            let error = #expect(throws: StoreError.self) { try VerificationStore(directory: dir) }
            #expect(error?.code == .newerSchema)
        }
    }

    @Test func sqliteErrorsCarryTheMessageAndTheSQL() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let error = #expect(throws: SQLiteError.self) { try store.db.run("SELECT * FROM no_such_table") }
            #expect(error?.message.contains("no_such_table") == true)
            #expect(error?.sql == "SELECT * FROM no_such_table")
            #expect(error?.code == SQLITE_ERROR)
        }
    }

    @Test func textWithQuotesAndNULsRoundTrips() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            var record = signIn("alice@contoso.com", at: t0, result: .denied, detail: .invalidInput)
            record.maskedNumber = "it's \"quoted\"; DROP TABLE signins; -- \u{0}nul"
            try store.recordCall(CallOutcomeRecord(signIn: record, user: nil))
            #expect(try store.signInLog() == [record])
        }
    }

    @Test func defaultDirectoryFollowsTheSpec() {
        let home = URL(fileURLWithPath: "/home/u", isDirectory: true)
        func path(_ env: [String: String]) -> String {
            VerificationStore.defaultDirectory(environment: env, home: home).path
        }
        #expect(path([:]) == "/home/u/.local/state/ivr")
        #expect(path(["XDG_STATE_HOME": "/x/state"]) == "/x/state/ivr")
        #expect(path(["XDG_STATE_HOME": "relative"]) == "/home/u/.local/state/ivr")
        #expect(path(["IVR_STATE_DIR": "/s", "XDG_STATE_HOME": "/x"]) == "/s")
        #expect(path(["IVR_STATE_DIR": ""]) == "/home/u/.local/state/ivr")
    }
}
