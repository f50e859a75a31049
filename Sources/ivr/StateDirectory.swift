import Foundation
import Verification
import VerificationStore

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
        return VerificationStore.defaultDirectory(environment: environment, home: home)
    }

    static func service(_ args: Arguments) throws(CLIError) -> VerificationService {
        let directory = try resolve(args)
        do {
            return try VerificationService(stateDirectory: directory)
        } catch {
            throw Self.failure(error, directory: directory)
        }
    }

    /// The store for a command that only reads (`log`, `settings show`, `users list`, `greetings
    /// list`): opened as usual, or — when this user cannot write the state directory — read-only.
    static func readingStore(_ args: Arguments) throws(CLIError) -> VerificationStore {
        let directory = try resolve(args)
        do {
            return try VerificationStore(directory: directory)
        } catch let first {
            guard let store = try? VerificationStore(directory: directory, readOnly: true) else {
                throw Self.failure(first, directory: directory)
            }
            return store
        }
    }

    /// One plain sentence for an admin: the directory, and what SQLite or the store said (never SQL).
    private static func failure(_ error: any Error, directory: URL) -> CLIError {
        if let sqlite = error as? SQLiteError, sqlite.isReadOnly {
            return .failure(
                "the state directory \(directory.path) is read-only for this user: 'log', 'settings show', "
                    + "'users list' and 'greetings list' can read it; changes need write access")
        }
        return .failure("cannot open the state directory \(directory.path): \(error)")
    }
}
