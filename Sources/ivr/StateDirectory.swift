import Foundation
import Verification

/// Where the state lives: `--state DIR`, else the store's default (`$IVR_STATE_DIR`, else
/// `$XDG_STATE_HOME/ivr`, else `$HOME/.local/state/ivr`; SPEC §10).
enum StateDirectory {
    /// The directory named by the command line or the environment.
    ///
    /// `--state ""` is a usage error rather than "use the default": a script whose variable came
    /// out empty must not quietly read or write another state. `$HOME` is the home directory, as
    /// for every XDG tool; only when it is unset or empty does the password database decide.
    static func resolve(_ args: Arguments) throws(CLIError) -> URL {
        if let path = args.options["state"] {
            guard !path.isEmpty else { throw .usage("--state needs a directory; the value given is empty") }
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        let environment = ProcessInfo.processInfo.environment
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return VerificationEngine.defaultStateDirectory(environment: environment, home: home)
    }

    /// The engine over the chosen state directory, and a session on it for this command.
    static func session(_ args: Arguments) throws(CLIError) -> VerificationSession {
        let directory = try resolve(args)
        do {
            return try VerificationEngine(stateDirectory: directory).session()
        } catch {
            throw Self.failure(error, directory: directory)
        }
    }

    /// The session for a command that only reads (`log`, `settings show`, `users list`, `greetings
    /// list`): opened as usual, or — when this user cannot write the state directory — read-only.
    static func readingSession(_ args: Arguments) throws(CLIError) -> VerificationSession {
        let directory = try resolve(args)
        do {
            return try VerificationEngine(stateDirectory: directory).session()
        } catch let first {
            guard let session = try? VerificationEngine.readingSession(stateDirectory: directory) else {
                throw Self.failure(first, directory: directory)
            }
            return session
        }
    }

    /// One plain sentence for an admin: the directory, and what SQLite or the store said (never SQL).
    private static func failure(_ error: any Error, directory: URL) -> CLIError {
        if VerificationEngine.isReadOnlyFailure(error) {
            return .failure(
                "the state directory \(directory.path) is read-only for this user: 'log', 'settings show', "
                    + "'users list' and 'greetings list' can read it; changes need write access")
        }
        return .failure("cannot open the state directory \(directory.path): \(error)")
    }
}
