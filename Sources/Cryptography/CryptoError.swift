/// What can go wrong in `Cryptography`. Every case names the operation; none carries key material,
/// plaintext or a secret, so an error is always safe to print or log.
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The operating system's random source could not deliver bytes (libcrypto `RAND_bytes` failed).
    case randomUnavailable
    /// A key has the wrong length for the algorithm (`expected` bytes, got `actual`).
    case invalidKeyLength(expected: Int, actual: Int)
    /// A sealed box is too short to hold a nonce and a tag, so it was not made by `AESGCM.seal`.
    case malformedSealedBox(length: Int)
    /// The authentication tag did not match: wrong key, wrong associated data, or a changed byte.
    case authenticationFailed
    /// A parameter is out of range (for example zero PBKDF2 iterations).
    case invalidParameter(String)
    /// libcrypto reported a failure in `operation` (should not happen with valid inputs).
    case library(operation: String)

    public var description: String {
        switch self {
        case .randomUnavailable: "the system random source is unavailable"
        case let .invalidKeyLength(expected, actual): "the key is \(actual) bytes long; \(expected) bytes are required"
        case let .malformedSealedBox(length): "the sealed data is \(length) bytes long, too short to hold a nonce and a tag"
        case .authenticationFailed: "the sealed data does not authenticate: wrong key or changed data"
        case let .invalidParameter(what): "invalid parameter: \(what)"
        case let .library(operation): "libcrypto failed in \(operation)"
        }
    }
}
