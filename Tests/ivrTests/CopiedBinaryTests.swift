import Foundation
import Testing

/// A copied or installed `ivr` works on its own: the default prompt scripts travel inside the
/// binary, so no resource bundle is looked for beside it (issue 12).
@Suite("a copied binary works on its own")
struct CopiedBinaryTests {
    @Test("copied to a temporary folder and run with a clean environment, it runs a call and prints its version")
    func copied() throws {
        let dir = try TemporaryDirectory()
        let bin = try dir.subdirectory("bin")
        let copy = bin.appendingPathComponent("ivr")
        try IVRProcess.copyExecutable(to: copy)
        let home = try dir.subdirectory("home")
        let script = try CallScriptText.confirm("alice@contoso.com", at: "2026-11-25T10:00:00Z").write(in: dir.url, as: "one")

        func run(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            let out = dir.url.appendingPathComponent("out-\(UUID().uuidString)")
            let err = dir.url.appendingPathComponent("err-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            let process = Process()
            process.executableURL = copy
            process.arguments = args
            process.currentDirectoryURL = bin
            process.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            try process.run()
            process.waitUntilExit()
            return (process.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                    (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        }

        let call = try run(["--json", "call", script.path])
        #expect(call.status == 0, "\(call.stderr)")
        #expect(call.stdout.contains("\"result\":\"verified\""), "\(call.stdout)")
        // With no --state and a clean environment the state goes under $HOME.
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/state/ivr").path))

        let prompts = try run(["prompts", "--language", "fr-FR"])
        #expect(prompts.status == 0, "\(prompts.stderr)")
        #expect(!prompts.stdout.isEmpty)

        let version = try run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.wholeMatch(of: /ivr \d+\.\d+\.\d+\n/) != nil, "\(version.stdout)")
    }
}
