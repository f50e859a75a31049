/// AES-256-GCM authenticated encryption for secrets at rest (token seeds, anything a stolen database
/// copy must not reveal).
///
/// A sealed box is one byte string: `nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes)`. Each seal draws
/// a fresh random 96-bit nonce, so sealing the same plaintext twice gives different boxes. Opening
/// checks the tag first; a wrong key, wrong associated data or any changed byte throws
/// `CryptoError.authenticationFailed` and returns no plaintext.
public enum AESGCM {
    /// Key length: 256 bits.
    public static let keyByteCount = 32
    /// Nonce length: 96 bits, the size GCM is designed for.
    public static let nonceByteCount = 12
    /// Tag length: 128 bits.
    public static let tagByteCount = 16

    /// A fresh random 256-bit key.
    public static func generateKey() throws(CryptoError) -> [UInt8] {
        try SecureRandom.bytes(keyByteCount)
    }

    /// Encrypts `plaintext` under `key`, binding `associatedData` (for example the row's id, so a box
    /// cannot be moved to another row). Returns the sealed box.
    public static func seal(_ plaintext: [UInt8], key: [UInt8], authenticating associatedData: [UInt8] = []) throws(CryptoError) -> [UInt8] {
        try seal(plaintext, key: key, nonce: SecureRandom.bytes(nonceByteCount), authenticating: associatedData)
    }

    /// Decrypts a box made by `seal` with the same key and associated data.
    public static func open(_ sealedBox: [UInt8], key: [UInt8], authenticating associatedData: [UInt8] = []) throws(CryptoError) -> [UInt8] {
        try checkKey(key)
        guard sealedBox.count >= nonceByteCount + tagByteCount else { throw .malformedSealedBox(length: sealedBox.count) }
        let nonce = Array(sealedBox.prefix(nonceByteCount))
        let ciphertext = Array(sealedBox.dropFirst(nonceByteCount).dropLast(tagByteCount))
        let tag = Array(sealedBox.suffix(tagByteCount))
        let context = try CipherContext()
        try context.startAES256GCM(key: key, nonce: nonce, encrypting: false)
        try context.authenticate(associatedData)
        var plaintext = try context.update(ciphertext)
        do {
            try context.finishOpening(expectedTag: tag)
        } catch {
            // Never hand back unauthenticated plaintext, not even in memory we keep.
            for index in plaintext.indices { plaintext[index] = 0 }
            throw error
        }
        return plaintext
    }

    /// Seal with a caller-chosen nonce: only for published test vectors. A repeated nonce under one
    /// key breaks GCM, which is why the public `seal` never takes one.
    static func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], authenticating associatedData: [UInt8]) throws(CryptoError) -> [UInt8] {
        try checkKey(key)
        guard nonce.count == nonceByteCount else { throw .invalidParameter("the GCM nonce must be \(nonceByteCount) bytes") }
        let context = try CipherContext()
        try context.startAES256GCM(key: key, nonce: nonce, encrypting: true)
        try context.authenticate(associatedData)
        let ciphertext = try context.update(plaintext)
        try context.finishSealing()
        let tag = try context.tag(byteCount: tagByteCount)
        return nonce + ciphertext + tag
    }

    private static func checkKey(_ key: [UInt8]) throws(CryptoError) {
        guard key.count == keyByteCount else { throw .invalidKeyLength(expected: keyByteCount, actual: key.count) }
    }
}
