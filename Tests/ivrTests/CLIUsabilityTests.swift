import Foundation
import Testing

/// Issue 12's command-line defects: per-command help, "did you mean", values that start with
/// `-`, usage errors, real JSON booleans, caller IDs with line breaks, leftover upload snapshots.
@Suite("command-line usability")
struct CLIUsabilityTests {
    static func state() throws -> (TemporaryDirectory, URL) {
        let dir = try TemporaryDirectory()
        return (dir, dir.url.appendingPathComponent("state"))
    }

    @Test("ivr COMMAND --help and ivr help COMMAND print that command's own help", arguments: ["call", "greetings", "settings", "users", "log", "outbox", "prompts", "caller-id"])
    func perCommandHelp(command: String) throws {
        let (_, state) = try Self.state()
        let flag = IVRProcess.run([command, "--help"], state: state)
        let word = IVRProcess.run(["help", command], state: state)
        #expect(flag.exitCode == 0)
        #expect(word.exitCode == 0)
        #expect(flag.stdout == word.stdout)
        #expect(flag.stdout.hasPrefix("USAGE: ivr \(command)"), "\(flag.stdout)")
        #expect(flag.stdout != IVRProcess.run(["help"], state: state).stdout)
    }

    @Test("ivr help greetings lists the message types; ivr help settings lists every key with its values")
    func helpLists() throws {
        let (_, state) = try Self.state()
        let greetings = IVRProcess.run(["help", "greetings"], state: state).stdout
        for type in ["greeting-standard", "greeting-pin", "fraud-greeting-standard", "authentication-successful", "extension-prompt"] {
            #expect(greetings.contains(type), "missing \(type)")
        }
        let types = try IVRProcess.run(["prompts", "--json"], state: state).jsonLines().compactMap { $0["type"] as? String }
        #expect(types.count == 18)
        #expect(types.allSatisfy { greetings.contains($0) })
        let settings = IVRProcess.run(["help", "settings"], state: state).stdout
        let keys = try IVRProcess.settings(state).keys
        #expect(!keys.isEmpty)
        for key in keys { #expect(settings.contains(key), "missing \(key)") }
        #expect(settings.contains("1 to 100") || settings.contains("1–100"), "\(settings)")
    }

    @Test("a mistyped command gets a suggestion and exit 2", arguments: [("cal", "call"), ("greting", "greetings"), ("setings", "settings"), ("users-list", "users")])
    func didYouMean(typed: String, meant: String) throws {
        let (_, state) = try Self.state()
        let ran = IVRProcess.run([typed], state: state)
        #expect(ran.exitCode == 2)
        #expect(ran.stderr.contains("did you mean '\(meant)'?"), "\(ran.stderr)")
    }

    @Test("an unknown command far from any other gets no suggestion")
    func noSuggestion() throws {
        let (_, state) = try Self.state()
        let ran = IVRProcess.run(["frobnicate"], state: state)
        #expect(ran.exitCode == 2)
        #expect(!ran.stderr.contains("did you mean"))
    }

    @Test("a value starting with - after settings set KEY is the value: -1 is a range error, exit 1, nothing changes")
    func negativeSettingValue() throws {
        let (_, state) = try Self.state()
        let before = try IVRProcess.settings(state)
        let ran = IVRProcess.run(["settings", "set", "lockout.denials", "-1"], state: state)
        #expect(ran.exitCode == 1)
        #expect(ran.stderr.contains("lockout.denials"), "\(ran.stderr)")
        #expect(!ran.stderr.contains("unknown option"))
        #expect(try IVRProcess.settings(state) == before)
        let json = IVRProcess.run(["--json", "settings", "set", "product-name", "-Contoso-"], state: state)
        #expect(json.exitCode == 0, "\(json.stderr)")
        #expect(try IVRProcess.settings(state)["product-name"] == "-Contoso-")
    }

    @Test("log --limit with a word is a usage error (exit 2)", arguments: ["abc", "0", "-3"])
    func logLimit(value: String) throws {
        let (_, state) = try Self.state()
        let ran = IVRProcess.run(["log", "--limit", value], state: state)
        #expect(ran.exitCode == 2, "\(ran.stderr)")
        #expect(ran.stderr.contains("--limit"))
    }

    @Test("users block and unblock --json print real booleans")
    func booleans() throws {
        let (_, state) = try Self.state()
        let blocked = try #require(try IVRProcess.run(["--json", "users", "block", "eve@contoso.com", "--reason", "lost"], state: state).jsonLines().first)
        #expect(blocked["blocked"] as? Bool == true)
        #expect(blocked["blocked"] is Bool && !(blocked["blocked"] is String))
        let unblocked = try #require(try IVRProcess.run(["--json", "users", "unblock", "eve@contoso.com", "--reason", "found"], state: state).jsonLines().first)
        #expect(unblocked["unblocked"] as? Bool == true)
        let again = try #require(try IVRProcess.run(["--json", "users", "unblock", "eve@contoso.com", "--reason", "found"], state: state).jsonLines().first)
        #expect(again["unblocked"] as? Bool == false)
        let raw = IVRProcess.run(["--json", "users", "block", "eve@contoso.com", "--reason", "lost"], state: state).stdout
        #expect(raw.contains("\"blocked\":true"), "\(raw)")
    }

    @Test("a caller ID with a line break is refused, by caller-id check and by settings set", arguments: ["+1 425 555\n0100", "+1 425 555 0100\n", "\n+14255550100"])
    func callerIDLineBreak(input: String) throws {
        let (_, state) = try Self.state()
        let check = IVRProcess.run(["--json", "caller-id", "check", input], state: state)
        #expect(check.exitCode == 1)
        let verdict = try #require(try check.jsonLines().first)
        #expect(verdict["valid"] as? Bool == false)
        #expect((verdict["reason"] as? String)?.contains("line break") == true, "\(verdict)")
        let before = try IVRProcess.settings(state)
        #expect(IVRProcess.run(["settings", "set", "caller-id", input], state: state).exitCode == 1)
        #expect(try IVRProcess.settings(state) == before)
    }

    @Test("upload snapshot folders left in TMPDIR by killed uploads are swept; a live upload's is kept")
    func snapshotsSwept() throws {
        let (dir, state) = try Self.state()
        let tmp = try dir.subdirectory("tmp")
        let fm = FileManager.default
        // A folder of a process that no longer exists, one from before snapshots named their process
        // (an hour old), and one of a process that is alive (this test runner).
        let dead = tmp.appendingPathComponent("ivr-upload-2147483646-0A1B2C3D")
        let legacy = tmp.appendingPathComponent("ivr-upload-5F1E2D3C-AAAA-BBBB-CCCC-000011112222")
        let live = tmp.appendingPathComponent("ivr-upload-\(getpid())-0A1B2C3D")
        for folder in [dead, legacy, live] {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("RIFF".utf8).write(to: folder.appendingPathComponent("hello.wav"))
        }
        try fm.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: legacy.path)
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/greetings/accepted/hello.wav")

        let process = Process()
        process.executableURL = IVRProcess.executable
        process.arguments = ["--state", state.path, "greetings", "add", "--type", "greeting-standard", "--language", "en-US", sample.path]
        process.environment = ["TMPDIR": tmp.path, "HOME": dir.url.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(!fm.fileExists(atPath: dead.path))
        #expect(!fm.fileExists(atPath: legacy.path))
        #expect(fm.fileExists(atPath: live.path))
        // The upload's own snapshot is gone too.
        #expect(try fm.contentsOfDirectory(atPath: tmp.path) == [live.lastPathComponent])
    }
}
