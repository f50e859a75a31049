import Foundation
import Verification

/// Where the state lives: `--state DIR`, else `$IVR_STATE_DIR`, else `$XDG_STATE_HOME/ivr`, else
/// `~/.local/state/ivr` (SPEC §10).
enum StateDirectory {
    static func resolve(_ args: Arguments) -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = args.options["state"] ?? environment["IVR_STATE_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("ivr")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/state/ivr")
    }

    static func service(_ args: Arguments) throws(CLIError) -> VerificationService {
        let directory = resolve(args)
        do {
            return try VerificationService(stateDirectory: directory)
        } catch {
            throw .failure("cannot open the state directory \(directory.path): \(error)")
        }
    }
}
