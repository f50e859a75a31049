import Cryptography
import Foundation

/// The server's uses of the shared `Cryptography` module: hashing key secrets, comparing them in
/// constant time, and signing callbacks.
enum KeyDigest {
    /// Lowercase hex SHA-256 of a key's secret part, as `api_keys.secret_sha256` holds it.
    ///
    /// A plain hash suffices (no salt, no slow KDF): the secret is 256 random bits, so no
    /// dictionary or brute force can reach it, and a fast hash keeps every request cheap.
    static func sha256Hex(_ text: String) -> String {
        hex(SHA256.hash(Array(text.utf8)))
    }

    /// Equal hex digests, in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        ConstantTime.equal(Array(a.utf8), Array(b.utf8))
    }

    /// Hex HMAC-SHA256 of a callback body, keyed with the whole API key (SPEC §16).
    static func signature(_ body: Data, key: String) -> String {
        hex(HMAC.authenticate(Array(body), key: Array(key.utf8), using: .sha256))
    }

    /// 256 random bits from the system's CSPRNG (libcrypto), as lowercase hex.
    static func randomHex(bytes: Int) throws -> String {
        hex(try SecureRandom.bytes(bytes))
    }

    static func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }
}
