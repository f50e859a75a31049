import Foundation
import Testing

@testable import VoiceCall

/// One row of the caller-ID table: the input, whether it is accepted, the E.164 form when it is,
/// and words the refusal reason must contain (lowercased comparison).
struct CallerIDCase: Sendable, CustomTestStringConvertible {
    let input: String
    let valid: Bool
    let e164: String?
    let reasonWords: [String]

    static func ok(_ input: String, _ e164: String) -> CallerIDCase {
        CallerIDCase(input: input, valid: true, e164: e164, reasonWords: [])
    }

    static func refused(_ input: String, _ words: String...) -> CallerIDCase {
        CallerIDCase(input: input, valid: false, e164: nil, reasonWords: words)
    }

    var testDescription: String { "\"\(self.input)\"" }
}

@Suite("Caller ID: US-based NANP numbers only (SPEC §6)")
struct CallerIDTests {
    static let cases: [CallerIDCase] = [
        // US states, in the usual spellings.
        .ok("+1 (425) 555-0100", "+14255550100"),  // Washington
        .ok("212-555-0199", "+12125550199"),  // New York
        .ok("(305) 555 0123", "+13055550123"),  // Florida
        .ok("+1 512 555 0142", "+15125550142"),  // Texas
        .ok("1-312-555-0175", "+13125550175"),  // Illinois, leading 1 = country code
        .ok("+14155550132", "+14155550132"),  // California
        .ok("617.555.0110", "+16175550110"),  // Massachusetts
        .ok("+1 907 555 0150", "+19075550150"),  // Alaska
        .ok("+1 808 555 0160", "+18085550160"),  // Hawaii
        .ok("+1 202 555 0123", "+12025550123"),  // 555-01XX counts as valid
        .ok("+1 472 555 0100", "+14725550100"),  // mainland exchange lists are not enforced (see CallerID)
        // Territories.
        .ok("+1 787 555 0100", "+17875550100"),  // Puerto Rico
        .ok("939-555-0101", "+19395550101"),  // Puerto Rico
        .ok("+1 671 472 1234", "+16714721234"),  // Guam
        .ok("+1 671 555 0100", "+16715550100"),  // Guam lists 555
        .ok("+1 340 773 1234", "+13407731234"),  // US Virgin Islands
        .ok("+1 684 633 1234", "+16846331234"),  // American Samoa
        .ok("+1 670 234 5678", "+16702345678"),  // Northern Mariana Islands
        // The three defaults and their spellings; other toll-free codes.
        .ok("+18665394191", "+18665394191"),
        .ok("+18553308653", "+18553308653"),
        .ok("+18776686536", "+18776686536"),
        .ok("+1 (866) 539 4191", "+18665394191"),
        .ok("866-539-4191", "+18665394191"),
        .ok("1-866-539-4191", "+18665394191"),
        .ok("1 (800) 555-0199", "+18005550199"),
        .ok("+1 888 555 0111", "+18885550111"),
        // Other +1 countries.
        .refused("+1 416 555 0100", "416", "canada", "us number"),
        .refused("604-555-0111", "604", "canada"),
        .refused("+1 876 555 0100", "876", "jamaica"),
        .refused("1-809-555-0100", "809", "dominican republic"),
        .refused("+1 441 555 0100", "441", "bermuda"),
        // Non-geographic codes.
        .refused("+1 900 555 0100", "900", "premium"),
        .refused("+1 500 555 0100", "500", "personal"),
        .refused("+1 533 555 0100", "533", "personal"),
        .refused("+1 600 555 0100", "600", "canadian"),
        .refused("+1 700 555 0100", "700", "reserved"),
        .refused("+1 710 555 0100", "710", "government"),
        // Impossible or unassigned area codes and exchanges.
        .refused("+1 411 555 0100", "411", "n11"),
        .refused("911-555-0100", "911", "n11"),
        .refused("+1 042 555 0100", "area code 042", "2-9"),
        .refused("+1 123 555 0100", "area code 123", "2-9"),
        .refused("425-055-0100", "exchange 055", "2-9"),
        .refused("425-155-0100", "exchange 155", "2-9"),
        .refused("+1 370 555 0100", "370", "not an assigned"),
        .refused("+1 671 301 1234", "exchange 301", "671", "guam"),
        .refused("+1 340 300 1234", "exchange 300", "virgin islands"),
        .ok("+1 340 555 1234", "+13405551234"),  // the US Virgin Islands list 555
        .refused("+1 684 555 1234", "exchange 555", "american samoa"),
        // Wrong lengths.
        .refused("425-555-010", "10 digits", "9"),
        .refused("555-0100", "10 digits", "7"),
        .refused("+1 425 555 01000", "10 digits", "11"),
        .refused("+1", "10 digits", "0"),
        .refused("12-425-555-0100", "10 digits", "12"),
        // Letters, extensions, keys.
        .refused("1-800-FLOWERS", "letters", "flowers"),
        .refused("425-CALL-NOW", "letters"),
        .refused("+1 425 555 0100 x1234", "extension"),
        .refused("+1 425 555 0100;ext=12", "extension"),
        .refused("425-555-0100 #12", "\"#\""),
        // Not +1.
        .refused("+44 20 7946 0958", "+44", "us number"),
        .refused("+8665394191", "+86", "us number"),
        .refused("+33 1 23 45 67 89", "+33"),
        .refused("+999 123 4567", "country calling code"),
        .refused("011 44 20 7946 0958", "011"),
        // Nothing at all, or garbage.
        .refused("", "empty"),
        .refused("   ", "empty"),
        .refused("++1 425 555 0100", "+"),
        .refused("(425 555-0100", "\"(\""),
    ]

    @Test("The table covers what the issue asks for")
    func tableSize() {
        #expect(Self.cases.count >= 40)
        #expect(Self.cases.contains { $0.valid } && Self.cases.contains { !$0.valid })
    }

    @Test("Each number gets the expected verdict and reason", arguments: Self.cases)
    func verdict(_ row: CallerIDCase) {
        let result = CallerID.check(row.input)
        #expect(result.input == row.input)
        #expect(result.valid == row.valid, "reason: \(result.reason ?? "none")")
        #expect(result.e164 == row.e164)
        if row.valid {
            #expect(result.reason == nil)
        } else {
            let reason = (result.reason ?? "").lowercased()
            #expect(!reason.isEmpty)
            for word in row.reasonWords {
                #expect(reason.contains(word.lowercased()), "\"\(reason)\" lacks \"\(word)\"")
            }
        }
    }

    @Test("Each kind of refusal has its own sentence")
    func reasonsAreDistinct() {
        let inputs = [
            "+1 416 555 0100", "+1 876 555 0100", "+1 900 555 0100", "+1 500 555 0100", "+1 600 555 0100",
            "+1 700 555 0100", "+1 710 555 0100", "+1 411 555 0100", "+1 042 555 0100", "425-055-0100",
            "+1 370 555 0100", "+1 671 301 1234", "425-555-010", "1-800-FLOWERS", "+1 425 555 0100 x1",
            "+44 20 7946 0958", "",
        ]
        let reasons = inputs.map { CallerID.check($0).reason }
        #expect(reasons.allSatisfy { $0 != nil })
        #expect(Set(reasons).count == inputs.count)
    }

    @Test("The defaults are the SPEC's three numbers and each passes the check")
    func defaultsAreValid() {
        #expect(CallerID.defaultNumbers == ["+18665394191", "+18553308653", "+18776686536"])
        for number in CallerID.defaultNumbers {
            #expect(CallerID.check(number) == CallerIDCheck(input: number, valid: true, e164: number, reason: nil))
        }
    }

    @Test("The default pick is a pinned, stable function of the user name")
    func defaultPickIsStable() {
        // FNV-1a 64 of the lowercased UTF-8 bytes, mod 3; values computed independently.
        #expect(CallerID.defaultNumber(for: "alice@contoso.com") == "+18665394191")
        #expect(CallerID.defaultNumber(for: "bob@contoso.com") == "+18553308653")
        #expect(CallerID.defaultNumber(for: "") == "+18776686536")
        #expect(CallerID.defaultNumber(for: "Alice@Contoso.COM") == CallerID.defaultNumber(for: "alice@contoso.com"))
    }

    @Test("Every default number is picked for some users")
    func defaultPickSpreads() {
        let picks = (0..<300).map { CallerID.defaultNumber(for: "user\($0)@contoso.com") }
        var counts: [String: Int] = [:]
        for pick in picks {
            counts[pick, default: 0] += 1
        }
        #expect(Set(counts.keys) == Set(CallerID.defaultNumbers))
        #expect(counts.values.allSatisfy { $0 >= 50 })
    }

    @Test("JSON has the four SPEC keys, with null for what is absent")
    func jsonKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let valid = String(decoding: try encoder.encode(CallerID.check("866-539-4191")), as: UTF8.self)
        #expect(valid == #"{"e164":"+18665394191","input":"866-539-4191","reason":null,"valid":true}"#)

        let refused = CallerID.check("+1 900 555 0100")
        let data = try encoder.encode(refused)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["input", "valid", "e164", "reason"])
        #expect(object["e164"] is NSNull)
        #expect(try JSONDecoder().decode(CallerIDCheck.self, from: data) == refused)
    }
}
