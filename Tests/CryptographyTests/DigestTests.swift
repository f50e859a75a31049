import Testing
import Cryptography

/// FIPS 180-2 SHA-256 examples, RFC 4231 (HMAC-SHA256) and RFC 2202 (HMAC-SHA1) test cases.
@Suite struct DigestTests {
    @Test func sha256KnownAnswers() {
        #expect(Hex.encode(SHA256.hash(utf8("abc"))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hex.encode(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test(arguments: [
        // RFC 4231 test case 1, 2, 4 and 6.
        (hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), utf8("Hi There"),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (utf8("Jefe"), utf8("what do ya want for nothing?"),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        (hex("0102030405060708090a0b0c0d0e0f10111213141516171819"), [UInt8](repeating: 0xcd, count: 50),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        ([UInt8](repeating: 0xaa, count: 131), utf8("Test Using Larger Than Block-Size Key - Hash Key First"),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ])
    func hmacSHA256RFC4231(key: [UInt8], message: [UInt8], expected: String) {
        let code = HMAC.authenticate(message, key: key, using: .sha256)
        #expect(Hex.encode(code) == expected)
        #expect(HMAC.isValid(code, for: message, key: key, using: .sha256))
    }

    @Test(arguments: [
        // RFC 2202 test case 1, 2, 3 and 6.
        (hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), utf8("Hi There"), "b617318655057264e28bc0b6fb378c8ef146be00"),
        (utf8("Jefe"), utf8("what do ya want for nothing?"), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
        ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50), "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
        ([UInt8](repeating: 0xaa, count: 80), utf8("Test Using Larger Than Block-Size Key - Hash Key First"),
         "aa4ae5e15272d00e95705637ce8a3b55ed402112"),
    ])
    func hmacSHA1RFC2202(key: [UInt8], message: [UInt8], expected: String) {
        #expect(Hex.encode(HMAC.authenticate(message, key: key, using: .sha1)) == expected)
    }

    @Test func hmacRejectsAChangedCode() {
        var code = HMAC.authenticate(utf8("body"), key: utf8("key"), using: .sha256)
        code[31] ^= 1
        #expect(!HMAC.isValid(code, for: utf8("body"), key: utf8("key"), using: .sha256))
        #expect(!HMAC.isValid(Array(code.prefix(16)), for: utf8("body"), key: utf8("key"), using: .sha256))
    }

    @Test func pbkdf2SHA256KnownAnswers() throws {
        // The RFC 6070 inputs with HMAC-SHA256 (as published in RFC 7914 §11 style test sets).
        #expect(Hex.encode(try PBKDF2.deriveSHA256(password: utf8("password"), salt: utf8("salt"), iterations: 1))
            == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")
        #expect(Hex.encode(try PBKDF2.deriveSHA256(password: utf8("password"), salt: utf8("salt"), iterations: 4096))
            == "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")
        // RFC 7914 §11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64).
        #expect(Hex.encode(try PBKDF2.deriveSHA256(password: utf8("passwd"), salt: utf8("salt"), iterations: 1, byteCount: 64))
            == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
    }

    @Test func pbkdf2RefusesZeroIterations() {
        #expect(throws: CryptoError.invalidParameter("PBKDF2 iterations must be 1...\(Int32.max)")) {
            try PBKDF2.deriveSHA256(password: utf8("x"), salt: utf8("y"), iterations: 0)
        }
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equal([], []))
    }

    @Test func hexRoundTripAndRefusals() {
        #expect(Hex.decode("00ffA0") == [0, 255, 160])
        #expect(Hex.encode([0, 255, 160]) == "00ffa0")
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
    }
}
