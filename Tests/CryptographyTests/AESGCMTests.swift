import Testing
@testable import Cryptography

@Suite struct AESGCMTests {
    /// The GCM specification (McGrew & Viega), test case 16: AES-256 with associated data.
    @Test func gcmSpecTestCase16() throws {
        let key = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
        let plaintext = hex("""
            d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72
            1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39
            """)
        let aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
        let nonce = hex("cafebabefacedbaddecaf888")
        let box = try AESGCM.seal(plaintext, key: key, nonce: nonce, authenticating: aad)
        #expect(Hex.encode(Array(box.dropFirst(12).dropLast(16))) == """
            522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa\
            8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662
            """)
        #expect(Hex.encode(Array(box.suffix(16))) == "76fc6ece0f4e1768cddf8853bb2d551b")
        #expect(try AESGCM.open(box, key: key, authenticating: aad) == plaintext)
    }

    /// Test case 14: zero key, zero nonce, one zero block.
    @Test func gcmSpecTestCase14() throws {
        let box = try AESGCM.seal([UInt8](repeating: 0, count: 16), key: [UInt8](repeating: 0, count: 32),
                                  nonce: [UInt8](repeating: 0, count: 12), authenticating: [])
        #expect(Hex.encode(Array(box.dropFirst(12))) == "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919")
    }

    @Test func roundTripUsesAFreshNonceEachTime() throws {
        let key = try AESGCM.generateKey()
        let secret = utf8("JBSWY3DPEHPK3PXP")
        let first = try AESGCM.seal(secret, key: key)
        let second = try AESGCM.seal(secret, key: key)
        #expect(first != second)
        #expect(first.count == 12 + secret.count + 16)
        #expect(try AESGCM.open(first, key: key) == secret)
        #expect(try AESGCM.open(second, key: key) == secret)
        #expect(try AESGCM.open(AESGCM.seal([], key: key), key: key) == [])
    }

    @Test func everyTamperedByteIsRefused() throws {
        let key = try AESGCM.generateKey()
        let box = try AESGCM.seal(utf8("secret seed"), key: key, authenticating: utf8("token 42"))
        for index in box.indices {
            var changed = box
            changed[index] ^= 0x01
            #expect(throws: CryptoError.authenticationFailed) { try AESGCM.open(changed, key: key, authenticating: utf8("token 42")) }
        }
    }

    @Test func wrongKeyOrAssociatedDataIsRefused() throws {
        let key = try AESGCM.generateKey()
        let box = try AESGCM.seal(utf8("secret seed"), key: key, authenticating: utf8("token 42"))
        #expect(throws: CryptoError.authenticationFailed) { try AESGCM.open(box, key: AESGCM.generateKey(), authenticating: utf8("token 42")) }
        #expect(throws: CryptoError.authenticationFailed) { try AESGCM.open(box, key: key, authenticating: utf8("token 43")) }
    }

    @Test func malformedInputsAreTypedErrors() throws {
        let key = try AESGCM.generateKey()
        #expect(throws: CryptoError.malformedSealedBox(length: 27)) { try AESGCM.open([UInt8](repeating: 0, count: 27), key: key) }
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, actual: 16)) { try AESGCM.seal([1], key: [UInt8](repeating: 0, count: 16)) }
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, actual: 0)) { try AESGCM.open([UInt8](repeating: 0, count: 40), key: []) }
    }

    @Test func randomBytesAreFreshAndSized() throws {
        let a = try SecureRandom.bytes(32)
        let b = try SecureRandom.bytes(32)
        #expect(a.count == 32 && b.count == 32 && a != b)
        #expect(try SecureRandom.bytes(0) == [])
    }
}
