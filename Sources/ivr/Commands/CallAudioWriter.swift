import Foundation
import PromptAudio
import Verification

/// `ivr call --audio DIR`: writes `DIR/NAME.wav` for every answered call (NAME = the script's
/// file name without `.call`), 8 kHz 16-bit stereo, engine left, callee right (SPEC §14).
struct CallAudioWriter {
    let directory: URL
    let session: VerificationSession

    /// `nil` without `--audio`. Checks first that espeak-ng is installed (else exit 1 naming the
    /// package, before any call runs) and that DIR is, or can be made, a directory.
    init?(_ args: Arguments, session: VerificationSession) throws(CLIError) {
        guard let path = args.options["audio"] else { return nil }
        do {
            _ = try session.requireSpeaker()
        } catch {
            throw .failure("--audio: \(error.description)")
        }
        let directory = URL(fileURLWithPath: path, isDirectory: true)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .invalidInput("--audio \(path): not a directory") }
        } else {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw .failure("--audio \(path): cannot create the directory: \(error.localizedDescription)")
            }
        }
        self.directory = directory
        self.session = session
    }

    /// Writes the recording of `report` (nothing for a call never answered).
    func write(_ report: CallReport, script path: String) throws(CLIError) {
        var name = URL(fileURLWithPath: path).lastPathComponent
        if name.hasSuffix(".call") { name.removeLast(5) }
        let file = self.directory.appendingPathComponent(name + ".wav")
        do {
            guard let recording = try session.recording(of: report) else { return }
            try recording.write(to: file.path)
        } catch let error as PromptAudioError {
            throw .failure("--audio \(file.path): \(error.description)")
        } catch {
            throw .failure("--audio \(file.path): \(error)")
        }
    }
}
