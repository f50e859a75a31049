import OATH
import Testing

@Suite struct Base32Tests {
    /// RFC 4648 §10 test vectors.
    @Test(arguments: [
        ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
        ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======"),
    ])
    func rfc4648Vectors(plain: String, encoded: String) throws {
        #expect(try Base32.decode(encoded) == Array(plain.utf8))
        #expect(Base32.encode(Array(plain.utf8)) == encoded.filter { $0 != "=" })
        #expect(try Base32.decode(encoded.lowercased()) == Array(plain.utf8))
        #expect(try Base32.decode(encoded.filter { $0 != "=" }) == Array(plain.utf8))
    }

    @Test func spacesAreIgnored() throws {
        #expect(try Base32.decode("MZXW 6YTB OI") == Array("foobar".utf8))
    }

    @Test(arguments: ["0", "1", "8", "9"])
    func digitsOutsideTheAlphabetAreNamed(digit: String) {
        let text = "JBSWY3DP" + digit + "EHPK3PX"
        #expect(throws: Base32Error.invalidCharacter(Unicode.Scalar(digit)!)) { try Base32.decode(text) }
        let message = (try? Base32.decode(text)).map { _ in "" } ?? Base32Error.invalidCharacter(Unicode.Scalar(digit)!).description
        #expect(message.contains("'\(digit)' is not a Base32 character"))
        #expect(message.contains("0, 1, 8 and 9 are not Base32"))
    }

    @Test func otherRefusals() {
        #expect(throws: Base32Error.invalidCharacter("!")) { try Base32.decode("MZXW!6YTB") }
        #expect(throws: Base32Error.paddingInside) { try Base32.decode("MY==MZXQ") }
        #expect(throws: Base32Error.invalidPadding) { try Base32.decode("MZXW6YQ==") }
        #expect(throws: Base32Error.invalidLength(1)) { try Base32.decode("M") }
        #expect(throws: Base32Error.invalidLength(3)) { try Base32.decode("MZX") }
        #expect(throws: Base32Error.empty) { try Base32.decode("  ==") }
    }

    @Test func roundTripOfRandomLengths() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...41 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base32.encode(bytes)
            if length == 0 { #expect(text.isEmpty) } else { #expect((try? Base32.decode(text)) == bytes) }
        }
    }
}
