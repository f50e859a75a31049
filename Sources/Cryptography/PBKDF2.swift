import COpenSSL

/// PBKDF2 (RFC 8018) with HMAC-SHA256: stretches a low-entropy secret (a PIN, a passphrase) into a
/// hash that is slow to brute-force. Store the salt and the iteration count next to the hash.
public enum PBKDF2 {
    /// The iteration count recommended for new hashes (OWASP 2023 guidance for PBKDF2-HMAC-SHA256).
    public static let recommendedIterations = 600_000

    /// Derives `byteCount` bytes from `password` and `salt` with `iterations` rounds of HMAC-SHA256.
    public static func deriveSHA256(password: [UInt8], salt: [UInt8], iterations: Int, byteCount: Int = 32) throws(CryptoError) -> [UInt8] {
        guard iterations > 0, iterations <= Int(Int32.max) else { throw .invalidParameter("PBKDF2 iterations must be 1...\(Int32.max)") }
        guard byteCount > 0, byteCount <= 1024 else { throw .invalidParameter("PBKDF2 output length must be 1...1024 bytes") }
        var output = [UInt8](repeating: 0, count: byteCount)
        let status = password.withUnsafeBytes { passwordBytes in
            salt.withUnsafeBufferPointer { saltBytes in
                output.withUnsafeMutableBufferPointer { out in
                    PKCS5_PBKDF2_HMAC(passwordBytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(passwordBytes.count),
                                      saltBytes.baseAddress, Int32(saltBytes.count), Int32(iterations),
                                      EVP_sha256(), Int32(byteCount), out.baseAddress)
                }
            }
        }
        guard status == 1 else { throw .library(operation: "PKCS5_PBKDF2_HMAC") }
        return output
    }
}
