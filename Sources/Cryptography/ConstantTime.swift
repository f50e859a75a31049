import COpenSSL

/// Comparison whose duration does not depend on where two byte strings differ, so a caller cannot
/// learn a secret (a MAC, a PIN hash, an API key hash) byte by byte from response times.
public enum ConstantTime {
    /// Whether `a` and `b` are equal. Lengths are public: different lengths return false at once.
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { left in
            b.withUnsafeBytes { right in CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0 }
        }
    }
}
