import COpenSSL

/// Owns one libcrypto `EVP_CIPHER_CTX` for one seal or open, and frees it (which also wipes the key
/// schedule) when it goes away. The only place the module touches the cipher API.
final class CipherContext {
    private let handle: OpaquePointer

    init() throws(CryptoError) {
        guard let handle = EVP_CIPHER_CTX_new() else { throw .library(operation: "EVP_CIPHER_CTX_new") }
        self.handle = handle
    }

    deinit { EVP_CIPHER_CTX_free(self.handle) }

    /// Sets up AES-256-GCM with `key` and a 96-bit `nonce` for sealing (`encrypting`) or opening.
    func startAES256GCM(key: [UInt8], nonce: [UInt8], encrypting: Bool) throws(CryptoError) {
        let enc: Int32 = encrypting ? 1 : 0
        try check(EVP_CipherInit_ex(handle, EVP_aes_256_gcm(), nil, nil, nil, enc), "EVP_CipherInit_ex")
        try check(EVP_CIPHER_CTX_ctrl(handle, EVP_CTRL_GCM_SET_IVLEN, Int32(nonce.count), nil), "EVP_CTRL_GCM_SET_IVLEN")
        let status = key.withUnsafeBufferPointer { keyBytes in
            nonce.withUnsafeBufferPointer { nonceBytes in
                EVP_CipherInit_ex(handle, nil, nil, keyBytes.baseAddress, nonceBytes.baseAddress, enc)
            }
        }
        try check(status, "EVP_CipherInit_ex(key)")
    }

    /// Feeds associated data: authenticated, not encrypted.
    func authenticate(_ data: [UInt8]) throws(CryptoError) {
        guard !data.isEmpty else { return }
        var written: Int32 = 0
        let status = data.withUnsafeBufferPointer { EVP_CipherUpdate(handle, nil, &written, $0.baseAddress, Int32($0.count)) }
        try check(status, "EVP_CipherUpdate(aad)")
    }

    /// Encrypts or decrypts `input`; GCM is a stream mode, so the output is as long as the input.
    func update(_ input: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard !input.isEmpty else { return [] }
        var output = [UInt8](repeating: 0, count: input.count)
        var written: Int32 = 0
        let status = input.withUnsafeBufferPointer { inBytes in
            output.withUnsafeMutableBufferPointer { outBytes in
                EVP_CipherUpdate(handle, outBytes.baseAddress, &written, inBytes.baseAddress, Int32(inBytes.count))
            }
        }
        try check(status, "EVP_CipherUpdate")
        return Array(output.prefix(Int(written)))
    }

    /// Finishes a seal; returns nothing for GCM but must run before reading the tag.
    func finishSealing() throws(CryptoError) {
        var scratch = [UInt8](repeating: 0, count: 16)
        var written: Int32 = 0
        let status = scratch.withUnsafeMutableBufferPointer { EVP_CipherFinal_ex(handle, $0.baseAddress, &written) }
        try check(status, "EVP_CipherFinal_ex")
    }

    /// The tag of a finished seal.
    func tag(byteCount: Int) throws(CryptoError) -> [UInt8] {
        var tag = [UInt8](repeating: 0, count: byteCount)
        let status = tag.withUnsafeMutableBytes { EVP_CIPHER_CTX_ctrl(handle, EVP_CTRL_GCM_GET_TAG, Int32(byteCount), $0.baseAddress) }
        try check(status, "EVP_CTRL_GCM_GET_TAG")
        return tag
    }

    /// Sets the expected tag and finishes an open; a mismatch is `.authenticationFailed`.
    func finishOpening(expectedTag: [UInt8]) throws(CryptoError) {
        var tag = expectedTag
        let set = tag.withUnsafeMutableBytes { EVP_CIPHER_CTX_ctrl(handle, EVP_CTRL_GCM_SET_TAG, Int32($0.count), $0.baseAddress) }
        try check(set, "EVP_CTRL_GCM_SET_TAG")
        var scratch = [UInt8](repeating: 0, count: 16)
        var written: Int32 = 0
        let status = scratch.withUnsafeMutableBufferPointer { EVP_CipherFinal_ex(handle, $0.baseAddress, &written) }
        guard status == 1 else { throw .authenticationFailed }
    }

    private func check(_ status: Int32, _ operation: String) throws(CryptoError) {
        guard status == 1 else { throw .library(operation: operation) }
    }
}
