import Foundation
import Testing

/// The real `ivr serve`, started on 127.0.0.1 with a port the kernel picks (`--listen
/// 127.0.0.1:0`), its address read from the `listening on` line. `stop()` sends SIGTERM and waits;
/// deinit kills a server a failed test left running, so none outlives its test.
final class ServeProcess {
    let state: URL
    let baseURL: String
    private let process: Process
    private let scratch: URL

    /// `ivr` beside the test runner (`swift build --build-tests` puts both in one directory).
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["IVR_EXECUTABLE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let beside = runner.deletingLastPathComponent().appendingPathComponent("ivr")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.appendingPathComponent(".build/debug/ivr")
    }()

    init(state: URL, extraArguments: [String] = []) throws {
        self.state = state
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process = Process()
        process.executableURL = Self.executable
        process.arguments = ["--state", state.path, "serve", "--listen", "127.0.0.1:0"] + extraArguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()

        // Wait for the announcement (or the process's end); the limit only turns a hang into a failure.
        var announced: String?
        for _ in 0..<600 {
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
                announced = String(line.dropFirst("listening on ".count))
                break
            }
            if !process.isRunning { break }
            usleep(20_000)
        }
        guard let announced else {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            let errors = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            throw ServeError.didNotStart(errors)
        }
        baseURL = announced
    }

    /// SIGTERM, then the exit code once the process ended.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// SIGKILL: no handler runs.
    func kill() {
        if process.isRunning { _ = Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    var standardError: String {
        (try? String(contentsOf: scratch.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
    }

    var standardOutput: String {
        (try? String(contentsOf: scratch.appendingPathComponent("stdout"), encoding: .utf8)) ?? ""
    }

    var port: UInt16 { UInt16(baseURL.split(separator: ":").last ?? "") ?? 0 }

    deinit {
        kill()
        try? FileManager.default.removeItem(at: scratch)
    }

    enum ServeError: Error { case didNotStart(String) }
}

/// Runs `ivr --state STATE ARGS...` to completion.
enum IVRCommand {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ args: [String], state: URL) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = ServeProcess.executable
        process.arguments = ["--state", state.path] + args
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(
            exitCode: process.terminationStatus, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// `ivr keys create --role ROLE --json`: the new key.
    static func createKey(role: String, state: URL) throws -> (id: String, key: String) {
        let result = try run(["keys", "create", "--role", role, "--json"], state: state)
        #expect(result.exitCode == 0, "keys create failed: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let id = try #require(object?["id"] as? String)
        let key = try #require(object?["key"] as? String)
        return (id, key)
    }
}

/// A fresh state directory, removed when the value goes away.
final class StateDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-server-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
