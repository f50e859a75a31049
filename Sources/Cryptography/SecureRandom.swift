import COpenSSL

/// Cryptographically secure random bytes from libcrypto's DRBG (seeded by the operating system).
/// Use it for keys, salts, nonces, secrets and API keys; never `SystemRandomNumberGenerator` for those.
public enum SecureRandom {
    /// `count` fresh random bytes.
    public static func bytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        guard count >= 0 else { throw .invalidParameter("a negative byte count") }
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let status = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        guard status == 1 else { throw .randomUnavailable }
        return bytes
    }
}
