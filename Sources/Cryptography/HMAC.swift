import COpenSSL

/// HMAC (RFC 2104) over SHA-1 or SHA-256: TOTP codes, callback signatures, keyed hashes.
public enum HMAC {
    /// The authentication code of `message` under `key`; `algorithm.byteCount` bytes long.
    /// Any key length is allowed (longer keys are hashed first, as the RFC says).
    public static func authenticate(_ message: [UInt8], key: [UInt8], using algorithm: DigestAlgorithm) -> [UInt8] {
        var code = [UInt8](repeating: 0, count: algorithm.byteCount)
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                code.withUnsafeMutableBufferPointer { output in
                    COpenSSL.HMAC(algorithm.evp, keyBytes.baseAddress, Int32(keyBytes.count),
                                  messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBytes.count,
                                  output.baseAddress, &length)
                }
            }
        }
        // HMAC with a built-in digest and valid buffers cannot fail short of memory exhaustion.
        precondition(result != nil && Int(length) == algorithm.byteCount, "libcrypto HMAC failed")
        return code
    }

    /// Whether `code` is the authentication code of `message` under `key`, compared in constant time.
    public static func isValid(_ code: [UInt8], for message: [UInt8], key: [UInt8], using algorithm: DigestAlgorithm) -> Bool {
        ConstantTime.equal(code, authenticate(message, key: key, using: algorithm))
    }
}
