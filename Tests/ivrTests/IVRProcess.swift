import Foundation
import VerificationStore
import Testing

/// Runs the real, built `ivr` executable as a child process, the way an administrator or an
/// acceptance check does, so these tests see exit codes, standard output and standard error exactly
/// as the SPEC §10 contract describes them (nothing is called in-process).
enum IVRProcess {
    /// What one run of `ivr` produced.
    struct Result: Sendable {
        var exitCode: Int32
        /// True when the process ended by a signal (the kill tests), not by `exit`.
        var killed: Bool
        var stdout: String
        var stderr: String

        /// Every non-empty line of standard output.
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }

        /// Every standard-output line decoded as a JSON object (JSON Lines).
        func jsonLines(sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
            try lines.map { try IVRProcess.object(from: $0, sourceLocation: sourceLocation) }
        }
    }

    /// Copies the executable to `destination` with `cp`, not in this process: a file this process
    /// holds open for writing is inherited by any child another test starts meanwhile, and the
    /// kernel refuses to run a binary some process has open for writing ("Text file busy").
    static func copyExecutable(to destination: URL) throws {
        let cp = Process()
        cp.executableURL = URL(fileURLWithPath: "/bin/cp")
        cp.arguments = [executable.path, destination.path]
        try cp.run()
        cp.waitUntilExit()
        try #require(cp.terminationStatus == 0, "cp \(executable.path) \(destination.path) failed")
    }

    /// `ivr` beside the test runner: `swift build --build-tests` puts both in the same directory.
    /// `IVR_EXECUTABLE` overrides it.
    static let executable: URL = {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["IVR_EXECUTABLE"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent().appendingPathComponent("ivr"))
        // On macOS the runner is inside `ivrPackageTests.xctest/Contents/MacOS/`.
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            directory = directory.deletingLastPathComponent()
            candidates.append(directory.appendingPathComponent("ivr"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("ivr"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ivr"))
        // Last resort: the package's own debug build, found from this source file.
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug/ivr"))
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               fileManager.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return candidates[candidates.count - 1]
    }()

    /// Runs `ivr --state STATE ARGS...` to completion. Output goes to temporary files, not pipes, so a
    /// child writing megabytes can never block on a full pipe.
    static func run(_ args: [String], state: URL, stdin: String? = nil) -> Result {
        do {
            return try start(args, state: state, stdin: stdin).finish()
        } catch {
            return Result(exitCode: -1, killed: false, stdout: "", stderr: "could not run \(executable.path): \(error)")
        }
    }

    /// As `run`, but sends SIGKILL to the child after `delay` microseconds when it is still running:
    /// a crash at an arbitrary instant, for SPEC §13's "killed at any instant" rule.
    static func runAndKill(_ args: [String], state: URL, afterMicroseconds delay: UInt32) -> Result {
        do {
            let running = try start(args, state: state)
            usleep(delay)
            running.kill()
            return running.finish()
        } catch {
            return Result(exitCode: -1, killed: false, stdout: "", stderr: "could not run \(executable.path): \(error)")
        }
    }

    /// Starts `ivr --state STATE ARGS...` without waiting (two processes at once); `finish` waits.
    static func start(_ args: [String], state: URL, stdin: String? = nil) throws -> Running {
        let scratch = try TemporaryDirectory(prefix: "ivr-run")
        let out = scratch.url.appendingPathComponent("stdout")
        let err = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--state", state.path] + args
        if let stdin {
            let input = try scratch.write(stdin, to: "stdin")
            process.standardInput = try FileHandle(forReadingFrom: input)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Running(process: process, scratch: scratch, out: out, err: err)
    }

    /// A child started by `start`; it keeps its scratch directory (the captured output) alive.
    final class Running {
        private let process: Process
        private let scratch: TemporaryDirectory
        private let out: URL
        private let err: URL

        init(process: Process, scratch: TemporaryDirectory, out: URL, err: URL) {
            self.process = process
            self.scratch = scratch
            self.out = out
            self.err = err
        }

        /// SIGKILL, the way a power cut or an OOM killer ends a process: no handler runs.
        func kill() {
            if process.isRunning { _ = Foundation.kill(process.processIdentifier, SIGKILL) }
        }

        /// A watchdog for a command that is known to hang: waits, then SIGKILLs it after `limit`
        /// seconds so a test fails instead of hanging the suite. Only the failure path depends on time.
        func finish(killingAfter limit: Double) -> Result {
            let deadline = Date().addingTimeInterval(limit)
            while process.isRunning && Date() < deadline { usleep(50_000) }
            kill()
            return finish()
        }

        func finish() -> Result {
            process.waitUntilExit()
            return Result(
                exitCode: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
                stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        }
    }

    /// One JSON Lines line as an object.
    static func object(from line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(value as? [String: Any], "not a JSON object: \(line)", sourceLocation: sourceLocation)
    }

    /// `settings show --json` as a dictionary of strings.
    static func settings(_ state: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: String] {
        let shown = run(["settings", "show", "--json"], state: state)
        #expect(shown.exitCode == 0, "settings show failed: \(shown.stderr)", sourceLocation: sourceLocation)
        let line = try #require(shown.lines.first, "settings show printed nothing", sourceLocation: sourceLocation)
        let object = try object(from: line, sourceLocation: sourceLocation)
        return try #require(object as? [String: String], "settings are not all strings: \(line)", sourceLocation: sourceLocation)
    }

    /// `log --json`, every record decoded.
    static func log(_ state: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let shown = run(["log", "--json"], state: state)
        #expect(shown.exitCode == 0, "log failed: \(shown.stderr)", sourceLocation: sourceLocation)
        return try shown.jsonLines(sourceLocation: sourceLocation)
    }

    /// `call --json` over some scripts, every report decoded.
    static func calls(_ scripts: [URL], state: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let ran = run(["--json", "call"] + scripts.map(\.path), state: state)
        #expect(ran.exitCode == 0, "call failed: \(ran.stderr)", sourceLocation: sourceLocation)
        return try ran.jsonLines(sourceLocation: sourceLocation)
    }

    /// The database's own verdict on its pages (`PRAGMA integrity_check`): "ok" when sound.
    static func integrityCheck(_ state: URL) throws -> String {
        try VerificationStore(directory: state).integrityCheck().joined(separator: "\n")
    }
}

/// A fresh directory under the system temporary directory, removed when the value goes away.
/// Its name holds letters only, so no digit string (a PIN under test) can appear in a path by chance.
final class TemporaryDirectory {
    let url: URL

    init(prefix: String = "ivr-test") throws {
        let letters = "abcdefghijklmnopqrstuvwxyz"
        let suffix = String((0..<16).map { _ in letters.randomElement()! })
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(suffix)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `text` to `name` inside the directory and returns its URL.
    @discardableResult
    func write(_ text: String, to name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// Writes an executable shell script (a delivery command for the outbox tests).
    @discardableResult
    func writeExecutable(_ text: String, to name: String) throws -> URL {
        let file = try write(text, to: name)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return file
    }

    /// A sub-directory, created.
    func subdirectory(_ name: String) throws -> URL {
        let directory = url.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
