import Cryptography
import Foundation
import OATH
import Testing

let libcryptoSHA1: TOTP.HMACSHA1 = { key, message in HMAC.authenticate(message, key: key, using: .sha1) }

@Suite struct TOTPTests {
    /// RFC 6238 appendix B, SHA-1 rows: seed "12345678901234567890", 30-second steps, 8 digits.
    static let appendixB: [(time: TimeInterval, step: Int64, code: String)] = [
        (59, 0x1, "94287082"),
        (1_111_111_109, 0x23523EC, "07081804"),
        (1_111_111_111, 0x23523ED, "14050471"),
        (1_234_567_890, 0x273EF07, "89005924"),
        (2_000_000_000, 0x3F940AA, "69279037"),
        (20_000_000_000, 0x27BC86AA, "65353130"),
    ]

    let rfc = TOTP(secret: Array("12345678901234567890".utf8), interval: .seconds30, hmac: libcryptoSHA1)

    @Test(arguments: appendixB.indices)
    func rfc6238AppendixB(index: Int) {
        let vector = Self.appendixB[index]
        let time = Date(timeIntervalSince1970: vector.time)
        #expect(rfc.step(at: time) == vector.step)
        #expect(rfc.code(at: time, digits: 8) == vector.code)
        // The engine's six digits are the last six of the eight (both are the HOTP value mod 10^n).
        #expect(rfc.code(at: time) == String(vector.code.suffix(6)))
        #expect(rfc.verify(String(vector.code.suffix(6)), at: time, lastUsedStep: nil) == .accepted(step: vector.step))
    }

    @Test func previousCurrentAndNextStepAcceptedTwoAwayRefused() {
        let now = Date(timeIntervalSince1970: 1_234_567_890)
        let step = rfc.step(at: now)
        for offset in Int64(-1)...1 {
            #expect(rfc.verify(rfc.code(forStep: step + offset), at: now, lastUsedStep: nil) == .accepted(step: step + offset))
        }
        #expect(rfc.verify(rfc.code(forStep: step - 2), at: now, lastUsedStep: nil) == .wrong)
        #expect(rfc.verify(rfc.code(forStep: step + 2), at: now, lastUsedStep: nil) == .wrong)
    }

    @Test func aStepAtOrBeforeTheLastUsedIsAReplay() {
        let now = Date(timeIntervalSince1970: 1_234_567_890)
        let step = rfc.step(at: now)
        let code = rfc.code(forStep: step)
        #expect(rfc.verify(code, at: now, lastUsedStep: step) == .replayed)
        #expect(rfc.verify(code, at: now, lastUsedStep: step + 1) == .replayed)
        #expect(rfc.verify(rfc.code(forStep: step - 1), at: now, lastUsedStep: step) == .replayed)
        #expect(rfc.verify(rfc.code(forStep: step + 1), at: now, lastUsedStep: step) == .accepted(step: step + 1))
    }

    @Test func sixtySecondIntervalAndMalformedCodes() {
        let token = TOTP(secret: Array("12345678901234567890".utf8), interval: .seconds60, hmac: libcryptoSHA1)
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        #expect(token.step(at: now) == 18_518_518)
        #expect(token.step(at: now) != rfc.step(at: now))
        let code = token.code(at: now)
        #expect(token.verify(code, at: now.addingTimeInterval(60), lastUsedStep: nil) == .accepted(step: 18_518_518))
        #expect(token.verify(code, at: now.addingTimeInterval(120), lastUsedStep: nil) == .wrong)
        for bad in ["", "12345", "1234567", "12 345", "abcdef", "１２３４５６"] {
            #expect(token.verify(bad, at: now, lastUsedStep: nil) == .wrong)
        }
    }
}
