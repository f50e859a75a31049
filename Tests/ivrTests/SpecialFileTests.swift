import Foundation
import Testing
import VerificationStore

/// SPEC §13: a FIFO, a device or a directory given as a script or a greeting is refused at once,
/// never opened in a way that blocks. Each run has a watchdog: a hang fails the test (after 60 s)
/// instead of hanging the suite; a pass never depends on time.
@Suite("special files are refused at once")
struct SpecialFileTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/greetings/accepted/hello.wav")

    /// Runs `ivr` with a watchdog.
    static func run(_ args: [String], state: URL) throws -> IVRProcess.Result {
        try IVRProcess.start(args, state: state).finish(killingAfter: 60)
    }

    static func fifo(in dir: TemporaryDirectory, named name: String) throws -> URL {
        let url = dir.url.appendingPathComponent(name)
        try #require(mkfifo(url.path, 0o600) == 0)
        return url
    }

    @Test("greetings validate refuses a FIFO, a device and a directory", arguments: ["fifo", "/dev/zero", "dir"])
    func validate(kind: String) throws {
        let dir = try TemporaryDirectory()
        let path: String
        switch kind {
        case "fifo": path = try Self.fifo(in: dir, named: "pipe.wav").path
        case "dir": path = try dir.subdirectory("folder.wav").path
        default: path = kind
        }
        let ran = try Self.run(["greetings", "validate", "--json", path], state: dir.url.appendingPathComponent("state"))
        #expect(!ran.killed, "ivr hung on \(kind)")
        #expect(ran.exitCode == 1)
        let report = try #require(try ran.jsonLines().first)
        #expect(report["accepted"] as? Bool == false)
        let reasons = report["reasons"] as? [String] ?? []
        #expect(reasons.contains { $0.contains("not a regular file") }, "\(reasons)")
    }

    @Test("greetings add refuses a FIFO and stores nothing")
    func add() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let pipe = try Self.fifo(in: dir, named: "pipe.wav")
        let ran = try Self.run(["greetings", "add", "--type", "greeting-standard", "--language", "en-US", pipe.path], state: state)
        #expect(!ran.killed, "ivr hung on a FIFO")
        #expect(ran.exitCode == 1)
        #expect(ran.stdout.contains("named pipe (FIFO), not a regular file"), "\(ran.stdout) \(ran.stderr)")
        let listed = IVRProcess.run(["greetings", "list", "--json"], state: state)
        #expect(listed.lines.isEmpty)
    }

    @Test("call refuses a FIFO script and still runs the next script")
    func call() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let pipe = try Self.fifo(in: dir, named: "pipe.call")
        let good = try CallScriptText.confirm("alice@contoso.com", at: "2026-11-25T10:00:00Z").write(in: dir.url, as: "good")
        let ran = try Self.run(["--json", "call", pipe.path, good.path], state: state)
        #expect(!ran.killed, "ivr hung on a FIFO")
        #expect(ran.exitCode == 1)
        #expect(ran.stderr.contains("pipe.call: is a named pipe (FIFO), not a call script"), "\(ran.stderr)")
        #expect(try ran.jsonLines().count == 1)
    }

    @Test("revalidate refuses a FIFO stored in place of a greeting")
    func revalidate() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let added = IVRProcess.run(["greetings", "add", "--type", "greeting-standard", "--language", "en-US", Self.sample.path], state: state)
        try #require(added.exitCode == 0, "\(added.stdout) \(added.stderr)")
        let store = try VerificationStore(directory: state)
        let record = try #require(try store.greetings().first)
        let file = store.greetingFileURL(record)
        try FileManager.default.removeItem(at: file)
        try #require(mkfifo(file.path, 0o600) == 0)
        let ran = try Self.run(["greetings", "revalidate", "--json"], state: state)
        #expect(!ran.killed, "ivr hung on a FIFO")
        #expect(ran.exitCode == 1)
        let report = try #require(try ran.jsonLines().first)
        #expect((report["reasons"] as? [String] ?? []).contains { $0.contains("named pipe (FIFO)") })
    }
}
