import Foundation
import Verification

/// Where the state lives: `--state DIR`, else the store's default (`$IVR_STATE_DIR`, else
/// `$XDG_STATE_HOME/ivr`, else `~/.local/state/ivr`; SPEC §10).
enum StateDirectory {
    static func resolve(_ args: Arguments) -> URL {
        if let path = args.options["state"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return VerificationEngine.defaultStateDirectory(
            environment: ProcessInfo.processInfo.environment, home: FileManager.default.homeDirectoryForCurrentUser)
    }

    /// The engine over the chosen state directory, and a session on it for this command.
    static func session(_ args: Arguments) throws(CLIError) -> VerificationSession {
        let directory = resolve(args)
        do {
            return try VerificationEngine(stateDirectory: directory).session()
        } catch {
            throw .failure("cannot open the state directory \(directory.path): \(error)")
        }
    }
}
