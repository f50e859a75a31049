import Foundation
import Testing

/// SPEC §13: a failed write to standard output (a full disk, a closed pipe) ends the process
/// cleanly — exit 1 with one line on standard error, or the usual death by SIGPIPE — never a crash
/// report, and every call that ran is recorded.
@Suite("a failed write to standard output ends cleanly")
struct OutputFailureTests {
    /// Runs `command` under `/bin/sh` with `IVR` set to the built executable; standard output is
    /// `stdout` (else whatever the shell line says), standard error is captured.
    static func shell(_ command: String, state: URL, stdout: FileHandle = .nullDevice) throws -> (status: Int32, signalled: Bool, stderr: String) {
        let scratch = try TemporaryDirectory(prefix: "ivr-out")
        let err = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["IVR"] = IVRProcess.executable.path
        environment["STATE"] = state.path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal,
                (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    static func scripts(in dir: TemporaryDirectory) throws -> [URL] {
        try ["alice", "bob", "carol"].map {
            try CallScriptText.confirm("\($0)@contoso.com", at: "2026-11-25T10:00:00Z").write(in: dir.url, as: $0)
        }
    }

    /// No Swift runtime crash report, no backtrace: at most one line, starting `ivr: `.
    static func expectClean(_ stderr: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("ivr: cannot write to standard output") == true, "\(stderr)", sourceLocation: sourceLocation)
        #expect(!stderr.contains("Fatal error") && !stderr.contains("Backtrace") && !stderr.contains("Crash"),
                sourceLocation: sourceLocation)
    }

    @Test("a full disk (/dev/full): exit 1, one line on stderr, the call that ran is recorded")
    func fullDisk() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let paths = try Self.scripts(in: dir).map(\.path).joined(separator: " ")
        let ran = try Self.shell("exec \"$IVR\" --state \"$STATE\" --json call \(paths) > /dev/full", state: state)
        #expect(!ran.signalled)
        #expect(ran.status == 1)
        Self.expectClean(ran.stderr)
        #expect(ran.stderr.contains("No space left on device"), "\(ran.stderr)")
        #expect(try IVRProcess.log(state).count >= 1)
    }

    @Test("human output to /dev/full also ends cleanly")
    func fullDiskHuman() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let ran = try Self.shell("exec \"$IVR\" --state \"$STATE\" prompts > /dev/full", state: state)
        #expect(ran.status == 1)
        Self.expectClean(ran.stderr)
    }

    /// A pipe whose read end is already closed: every write to it fails with EPIPE (or SIGPIPE).
    static func closedPipe() throws -> FileHandle {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        return pipe.fileHandleForWriting
    }

    @Test("a closed pipe with SIGPIPE ignored: exit 1, one line, the call that ran is recorded")
    func closedPipeIgnored() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let paths = try Self.scripts(in: dir).map(\.path).joined(separator: " ")
        // `trap '' PIPE` is inherited through exec, as when a parent left SIGPIPE ignored.
        let ran = try Self.shell(
            "trap '' PIPE; exec \"$IVR\" --state \"$STATE\" --json call \(paths)", state: state, stdout: try Self.closedPipe())
        #expect(!ran.signalled)
        #expect(ran.status == 1)
        Self.expectClean(ran.stderr)
        #expect(ran.stderr.contains("Broken pipe"), "\(ran.stderr)")
        #expect(try IVRProcess.log(state).count >= 1)
    }

    @Test("a closed pipe with SIGPIPE at its default: the usual quiet death, the call that ran is recorded")
    func closedPipeDefault() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let paths = try Self.scripts(in: dir).map(\.path).joined(separator: " ")
        let ran = try Self.shell(
            "trap - PIPE; \"$IVR\" --state \"$STATE\" --json call \(paths); echo \"status $?\" >&2",
            state: state, stdout: try Self.closedPipe())
        let lines = ran.stderr.split(separator: "\n")
        // 141 = 128 + SIGPIPE (the shell's report of a death by signal); or a clean exit 1 with one line.
        #expect(lines == ["status 141"] || (lines.count == 2 && lines.last == "status 1"), "\(ran.stderr)")
        #expect(!ran.stderr.contains("Fatal error") && !ran.stderr.contains("Backtrace"))
        #expect(try IVRProcess.log(state).count >= 1)
    }
}
