/// Why a token operation was refused. Every message names the token or file; none holds a secret,
/// a code or a key.
public enum TokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key file is unusable (missing directory, bad mode, wrong size, I/O error).
    case keyFile(path: String, problem: String)
    /// Tokens are stored but the key file that sealed them is gone: refusing to make a new one.
    case keyFileMissing(path: String)
    /// A stored secret does not open with the key file: a different key, or a changed database.
    case secretUnreadable(serial: String, keyPath: String)
    /// The token CSV cannot be read.
    case importFile(path: String, problem: String)
    /// No token has this serial number.
    case unknownSerial(String)
    /// The token is already activated.
    case alreadyActivated(String)
    /// The code is not the token's code for the time (one step either side allowed).
    case codeNotValid(serial: String)
    /// The code is valid but its step was used already.
    case codeAlreadyUsed(serial: String)
    /// The user already has the most tokens and apps allowed.
    case tooManyTokens(user: String, limit: Int)

    public var description: String {
        switch self {
        case let .keyFile(path, problem):
            "the secret key file \(path): \(problem)"
        case let .keyFileMissing(path):
            "the secret key file \(path) is missing but tokens are stored; restore it (or set IVR_KEY_FILE) — the token secrets cannot be read without it"
        case let .secretUnreadable(serial, keyPath):
            "the secret of token \(serial) does not open with the key file \(keyPath): it is not the key the secret was sealed with, or the database was changed"
        case let .importFile(path, problem):
            "\(path): \(problem)"
        case let .unknownSerial(serial):
            "no token has the serial number '\(serial)'"
        case let .alreadyActivated(serial):
            "token \(serial) is already activated"
        case let .codeNotValid(serial):
            "the code is not valid for token \(serial) at that time (codes of the previous, current and next step are accepted)"
        case let .codeAlreadyUsed(serial):
            "the code was already used with token \(serial); wait for the next code"
        case let .tooManyTokens(user, limit):
            "\(user) already has \(limit) tokens and authenticator apps, the most a user may have"
        }
    }
}
