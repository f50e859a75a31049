import Cryptography

/// A PIN stored the only way SPEC §8.1 allows: a salted, slow PBKDF2-HMAC-SHA256 hash, encoded as
/// `pbkdf2-sha256$ITERATIONS$SALT$HASH` (hex), so the cost can rise later without breaking old
/// hashes. Never the PIN, never reversible.
enum PINHash {
    static let iterations = PBKDF2.recommendedIterations
    static let saltByteCount = 16
    static let prefix = "pbkdf2-sha256"

    static func make(_ pin: String) throws -> String {
        let salt = try SecureRandom.bytes(saltByteCount)
        let hash = try PBKDF2.deriveSHA256(password: Array(pin.utf8), salt: salt, iterations: iterations)
        return "\(prefix)$\(iterations)$\(Hex.encode(salt))$\(Hex.encode(hash))"
    }

    /// Whether `pin` matches `encoded`, compared in constant time; `false` for a malformed hash.
    static func verify(_ pin: String, against encoded: String) -> Bool {
        let parts = encoded.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == prefix, let rounds = Int(parts[1]), (1...10_000_000).contains(rounds),
              let salt = Hex.decode(parts[2]), let expected = Hex.decode(parts[3]),
              let actual = try? PBKDF2.deriveSHA256(password: Array(pin.utf8), salt: salt, iterations: rounds, byteCount: expected.count)
        else { return false }
        return ConstantTime.equal(actual, expected)
    }
}
