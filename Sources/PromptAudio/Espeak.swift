import Foundation
import GreetingAudio

/// espeak-ng, run as a program (SPEC §14): the synthesizer that speaks every default prompt.
///
/// It is found on `PATH` like any command; its `--version` line identifies the voices' data too,
/// so it is part of every render-cache key. Text goes in on standard input (never as an argument,
/// so a product name starting with `-` is still text) and audio comes back as a WAV file, which
/// the greeting decoder reads.
public struct Espeak: Sendable {
    /// The Debian package to install when it is missing.
    public static let package = "espeak-ng"

    public let executable: URL
    /// The first line of `espeak-ng --version`, e.g. `eSpeak NG text-to-speech: 1.51  Data at: …`.
    public let version: String

    /// The espeak-ng on `PATH` (or in `searchPath`), or `nil` when none is installed or it does not run.
    public static func installed(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) -> Espeak? {
        for directory in (searchPath ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("espeak-ng")
            guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
            guard let output = try? Self.run(candidate, arguments: ["--version"], input: nil),
                  output.status == 0,
                  let line = String(decoding: output.stdout, as: UTF8.self).split(separator: "\n").first
            else { return nil }
            return Espeak(executable: candidate, version: line.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Speaks `text` with `voice`; the audio at espeak-ng's own rate (22,050 Hz), mono.
    public func speak(_ text: String, voice: SpeechVoice) throws(PromptAudioError) -> DecodedAudio {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-espeak-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw PromptAudioError.file("cannot create a temporary directory: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let wav = directory.appendingPathComponent("speech.wav")
        // -b 1: the input is UTF-8. --stdin: the text is read from standard input.
        let output: (status: Int32, stdout: Data, stderr: Data)
        do {
            output = try Self.run(self.executable, arguments: ["-v", voice.name, "-b", "1", "-w", wav.path, "--stdin"], input: Data(text.utf8))
        } catch {
            throw PromptAudioError.synthesizerFailed(error.localizedDescription)
        }
        guard output.status == 0 else {
            let message = String(decoding: output.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PromptAudioError.synthesizerFailed("exit \(output.status) for voice \(voice): \(message)")
        }
        do {
            return try AudioDecoder.decode(fileAt: wav.path)
        } catch {
            throw PromptAudioError.synthesizerFailed("its output could not be read: \(error.message)")
        }
    }

    /// Runs the program to completion, feeding `input` on standard input.
    private static func run(_ executable: URL, arguments: [String], input: Data?) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // Foundation's `waitUntilExit` polls its run loop (50 ms steps on Linux), which cost more than
        // espeak-ng's own work per prompt; the termination handler fires as soon as the child exits.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        // Read both outputs while writing, so neither pipe can fill and stall the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data()
        nonisolated(unsafe) var err = Data()
        DispatchQueue.global().async(group: group) { out = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err = stderr.fileHandleForReading.readDataToEndOfFile() }
        if let input { try? stdin.fileHandleForWriting.write(contentsOf: input) }
        try? stdin.fileHandleForWriting.close()
        group.wait()
        exited.wait()
        return (process.terminationStatus, out, err)
    }
}
