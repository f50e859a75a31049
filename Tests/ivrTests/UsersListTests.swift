import Foundation
import Testing

/// Issue 12: `users list` shows PIN lockouts with their end, besides blocks.
@Suite("users list shows blocks and lockouts")
struct UsersListTests {
    @Test("a locked-out user is listed with the lock's end, in JSON and in the table")
    func lockoutListed() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let user = "erin@contoso.com"
        // Calls start now, so the 30-minute lock is still in force when `users list` runs.
        for (index, entries) in [["1111", "2222", "3333"], ["4444", "5555"]].enumerated() {
            let script = try CallScriptText.pin(user, pin: "9731", entries: entries).write(in: dir.url, as: "c\(index)")
            _ = try IVRProcess.calls([script], state: state)
        }
        #expect(IVRProcess.run(["users", "block", "bob@contoso.com", "--reason", "lost phone"], state: state).exitCode == 0)

        let lines = try IVRProcess.run(["users", "list", "--json"], state: state).jsonLines()
        #expect(lines.count == 2)
        let block = try #require(lines.first { $0["user"] as? String == "bob@contoso.com" })
        #expect(block["kind"] as? String == "block")
        #expect(block["reason"] as? String == "lost phone")
        let lockout = try #require(lines.first { $0["user"] as? String == user })
        #expect(lockout["kind"] as? String == "lockout")
        #expect(lockout["denials"] as? Int == 5)
        let until = try #require(lockout["until"] as? String)
        let lockedAt = try #require(lockout["lockedAt"] as? String)
        let end = try #require(ISO8601DateFormatter().date(from: until))
        let start = try #require(ISO8601DateFormatter().date(from: lockedAt))
        #expect(end.timeIntervalSince(start) == 30 * 60)

        let table = IVRProcess.run(["users", "list"], state: state)
        let row = try #require(table.lines.first { $0.hasPrefix(user) })
        #expect(row.contains("locked out"))
        #expect(row.contains(until))
    }

    @Test("an unblock lifts a lockout: the list is empty again")
    func unblockClearsLockout() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        for (index, entries) in [["1111", "2222", "3333"], ["4444", "5555"]].enumerated() {
            let script = try CallScriptText.pin("erin@contoso.com", pin: "9731", entries: entries).write(in: dir.url, as: "c\(index)")
            _ = try IVRProcess.calls([script], state: state)
        }
        #expect(try IVRProcess.run(["users", "list", "--json"], state: state).jsonLines().count == 1)
        #expect(IVRProcess.run(["users", "unblock", "erin@contoso.com", "--reason", "verified by phone"], state: state).exitCode == 0)
        #expect(try IVRProcess.run(["users", "list", "--json"], state: state).jsonLines().isEmpty)
        #expect(IVRProcess.run(["users", "list"], state: state).stdout.contains("No user is blocked or locked out."))
    }
}
