import Foundation
import Testing

/// `ivr prompts render|play`, `ivr prompts --json`'s `durationSource` and `ivr call --audio`
/// through the real binary (SPEC §14), with the installed espeak-ng, and without it (a `PATH`
/// that holds no espeak-ng).
@Suite("Prompt audio CLI", .serialized)
struct PromptAudioCLITests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/calls")

    @Test("prompts play writes 8 kHz 16-bit mono; prompts --json says the duration comes from audio")
    func playWritesTelephoneAudio() throws {
        let state = try TemporaryDirectory()
        let out = state.url.appendingPathComponent("greeting.wav")
        let played = IVRProcess.run(["--json", "prompts", "play", "greeting-pin", "--language", "de-DE", "--out", out.path], state: state.url)
        #expect(played.exitCode == 0, "\(played.stderr)")
        let report = try #require(try played.jsonLines().first)
        #expect(report["language"] as? String == "de-DE")
        let bytes = [UInt8](try Data(contentsOf: out))
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        #expect(String(decoding: bytes[0..<4], as: UTF8.self) == "RIFF" && String(decoding: bytes[8..<12], as: UTF8.self) == "WAVE")
        #expect(u16(20) == 1, "PCM")
        #expect(u16(22) == 1, "mono")
        #expect(u32(24) == 8_000, "8 kHz")
        #expect(u16(34) == 16, "16-bit")
        let seconds = try #require(report["durationSeconds"] as? Double)
        #expect(abs(Double(bytes.count - 44) / 16_000 - seconds) < 0.001)

        let listed = try IVRProcess.run(["--json", "prompts", "--language", "de-DE"], state: state.url).jsonLines()
        #expect(listed.count == 18)
        #expect(listed.allSatisfy { $0["durationSource"] as? String == "audio" })
    }

    @Test("prompts render --language fills the cache, one file per distinct text; a second run finds everything cached")
    func renderFillsCache() throws {
        let state = try TemporaryDirectory()
        let first = IVRProcess.run(["--json", "prompts", "render", "--language", "fr-FR"], state: state.url)
        #expect(first.exitCode == 0, "\(first.stderr)")
        let rendered = try first.jsonLines()
        #expect(rendered.count == 18)
        #expect(rendered.allSatisfy { $0["language"] as? String == "fr-FR" && $0["status"] as? String != nil })
        let second = try IVRProcess.run(["--json", "prompts", "render", "--language", "fr-FR"], state: state.url).jsonLines()
        #expect(second.allSatisfy { $0["status"] as? String == "cached" })
        let files = try FileManager.default.contentsOfDirectory(atPath: state.url.appendingPathComponent("prompt-audio").path)
        // One file per distinct text (several prompts share a text), and no temporary file left.
        #expect(rendered.allSatisfy { $0["status"] as? String == "rendered" })
        let named = Set(rendered.compactMap { $0["file"] as? String })
        #expect(named.count >= 10)
        #expect(Set(files) == named)
    }

    @Test("call --audio writes NAME.wav for each answered call only")
    func callAudio() throws {
        let state = try TemporaryDirectory()
        let audio = state.url.appendingPathComponent("audio")
        let scripts = ["confirm.call", "no-answer.call", "invalid-number.call"].map { Self.samples.appendingPathComponent($0).path }
        let result = IVRProcess.run(["--json", "call", "--audio", audio.path] + scripts, state: state.url)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: audio.path).sorted()
        #expect(names == ["confirm.wav"])
        let report = try #require(try result.jsonLines().first)
        let duration = try #require(report["durationSeconds"] as? Double)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: audio.appendingPathComponent("confirm.wav").path)[.size] as? Int)
        // 44-byte header, then 4 bytes a frame at 8 kHz: the call from answer (0 s) to hang-up.
        #expect(size == 44 + Int((duration * 8_000).rounded()) * 4)
    }

    @Test("Without espeak-ng: render, play and --audio exit 1 naming the package; prompts says estimate")
    func withoutSynthesizer() throws {
        let state = try TemporaryDirectory()
        let out = state.url.appendingPathComponent("x.wav")
        let confirm = Self.samples.appendingPathComponent("confirm.call").path
        for args in [["prompts", "render"], ["prompts", "play", "greeting-standard", "--out", out.path],
                     ["call", "--audio", state.url.appendingPathComponent("a").path, confirm]] {
            let result = Self.runWithoutEspeak(args, state: state.url)
            #expect(result.exitCode == 1, "\(args)")
            #expect(result.stderr.contains("espeak-ng"), "\(args): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let listed = Self.runWithoutEspeak(["--json", "prompts"], state: state.url)
        #expect(listed.exitCode == 0)
        #expect(listed.stdout.contains("\"durationSource\":\"estimate\""))
        #expect(!listed.stdout.contains("\"durationSource\":\"audio\""))
    }

    @Test("Bad prompt-audio arguments: unknown type exit 1, missing --out exit 2, --audio on a file exit 1")
    func badArguments() throws {
        let state = try TemporaryDirectory()
        let file = try state.write("not a directory", to: "plain")
        #expect(IVRProcess.run(["prompts", "play", "no-such-prompt", "--out", "/dev/null"], state: state.url).exitCode == 1)
        #expect(IVRProcess.run(["prompts", "play", "greeting-standard"], state: state.url).exitCode == 2)
        #expect(IVRProcess.run(["prompts", "render", "--language", "not a tag"], state: state.url).exitCode == 1)
        let audio = IVRProcess.run(["call", "--audio", file.path, Self.samples.appendingPathComponent("confirm.call").path], state: state.url)
        #expect(audio.exitCode == 1)
        #expect(audio.stderr.contains("not a directory"))
    }

    /// Runs `ivr` with a `PATH` that holds no espeak-ng.
    static func runWithoutEspeak(_ args: [String], state: URL) -> (exitCode: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = IVRProcess.executable
        process.arguments = ["--state", state.path] + args
        process.environment = ["PATH": "/nonexistent", "HOME": state.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "", "\(error)") }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
