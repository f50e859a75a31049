import Foundation
import Testing
import VerificationStore

/// The state directory rules of SPEC §10 and issue 12: `--state ""` is a usage error, `$HOME`
/// decides the default, a read-only state directory can still be read, and no error shows SQL.
@Suite("state directory")
struct StateDirectoryTests {
    @Test("--state with an empty value is a usage error and touches nothing", arguments: [["--state", ""], ["--state="]])
    func emptyState(option: [String]) throws {
        let dir = try TemporaryDirectory()
        let process = Process()
        let err = dir.url.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.executableURL = IVRProcess.executable
        process.arguments = option + ["settings", "show"]
        process.currentDirectoryURL = dir.url
        process.environment = ["HOME": dir.url.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(try String(contentsOf: err, encoding: .utf8).contains("--state"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["err"])
    }

    /// Runs the binary as an unprivileged user when the tests run as root (root ignores file modes).
    static func runUnprivileged(_ args: [String], binary: URL, home: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let scratch = try TemporaryDirectory(prefix: "ivr-ro")
        let out = scratch.url.appendingPathComponent("out"), err = scratch.url.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + args
        } else {
            process.executableURL = binary
            process.arguments = args
        }
        process.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    @Test("a read-only state directory can be read by log, settings show, users list and greetings list",
          arguments: [true, false])
    func readOnly(checkpointed: Bool) throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let script = try CallScriptText.confirm("alice@contoso.com", at: "2026-11-25T10:00:00Z").write(in: dir.url, as: "one")
        try #require(IVRProcess.run(["call", script.path], state: state).exitCode == 0)
        try #require(IVRProcess.run(["users", "block", "bob@contoso.com", "--reason", "test"], state: state).exitCode == 0)
        if checkpointed {
            // The last connection to close folds the WAL into the database and removes the -wal file.
            do { _ = try VerificationStore(directory: state) }
            #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("ivr.sqlite-wal").path))
        }
        // A copy of the binary every user may run, a state only its owner may write.
        let binary = dir.url.appendingPathComponent("ivr")
        try IVRProcess.copyExecutable(to: binary)
        let fm = FileManager.default
        for path in [dir.url.path, binary.path] { try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
        for name in try fm.contentsOfDirectory(atPath: state.path) {
            try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: state.appendingPathComponent(name).path)
        }
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: state.path)
        defer { try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: state.path) }

        let log = try Self.runUnprivileged(["--state", state.path, "--json", "log"], binary: binary, home: dir.url)
        #expect(log.status == 0, "\(log.stderr)")
        #expect(log.stdout.contains("alice@contoso.com"))
        let settings = try Self.runUnprivileged(["--state", state.path, "settings", "show"], binary: binary, home: dir.url)
        #expect(settings.status == 0, "\(settings.stderr)")
        #expect(settings.stdout.contains("lockout.denials"))
        let users = try Self.runUnprivileged(["--state", state.path, "users", "list"], binary: binary, home: dir.url)
        #expect(users.status == 0, "\(users.stderr)")
        #expect(users.stdout.contains("bob@contoso.com"))
        let greetings = try Self.runUnprivileged(["--state", state.path, "greetings", "list"], binary: binary, home: dir.url)
        #expect(greetings.status == 0, "\(greetings.stderr)")

        // A change fails with a plain message: no SQL statement in it.
        let set = try Self.runUnprivileged(["--state", state.path, "settings", "set", "lockout.denials", "5"], binary: binary, home: dir.url)
        #expect(set.status == 1)
        #expect(!set.stderr.isEmpty)
        for word in ["PRAGMA", "SELECT", "INSERT", "UPDATE", "BEGIN", "(in:"] {
            #expect(!set.stderr.contains(word), "\(set.stderr)")
        }
    }

    @Test("with no --state and no XDG variables the state goes under $HOME, not the password database's home")
    func respectsHome() throws {
        let dir = try TemporaryDirectory()
        let process = Process()
        process.executableURL = IVRProcess.executable
        process.arguments = ["settings", "set", "product-name", "Contoso"]
        process.environment = ["HOME": dir.url.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent(".local/state/ivr/ivr.sqlite").path))
    }
}
