import COpenSSL

/// The hash functions this project uses. SHA-1 exists only because RFC 6238 TOTP tokens use HMAC-SHA1;
/// use SHA-256 for everything new.
public enum DigestAlgorithm: Sendable, Hashable, CaseIterable {
    case sha1
    case sha256

    /// Output length in bytes.
    public var byteCount: Int {
        switch self {
        case .sha1: 20
        case .sha256: 32
        }
    }

    /// libcrypto's static descriptor (never freed).
    var evp: OpaquePointer {
        switch self {
        case .sha1: EVP_sha1()
        case .sha256: EVP_sha256()
        }
    }
}

/// SHA-256 of a byte string (for example to store the hash of an API key rather than the key).
public enum SHA256 {
    /// The 32-byte digest of `data`.
    public static func hash(_ data: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let status = data.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        // EVP_Digest with a built-in algorithm and valid buffers cannot fail short of memory exhaustion.
        precondition(status == 1 && length == 32, "libcrypto EVP_Digest(SHA-256) failed")
        return digest
    }
}
