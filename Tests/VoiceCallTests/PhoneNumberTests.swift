import Testing

@testable import VoiceCall

@Suite("PhoneNumber: E.164 with an optional extension")
struct PhoneNumberTests {
    @Test(
        "Extensions in their usual spellings",
        arguments: [
            ("+1 425 555 0100 x1234", "1234"),
            ("+1 425 555 0100x1234", "1234"),
            ("+1 425 555 0100 X 99", "99"),
            ("+14255550100;ext=12", "12"),
            ("+1 425 555 0100 ext 12", "12"),
            ("+1 425 555 0100 ext. 12", "12"),
            ("+1 425 555 0100 Ext: 5", "5"),
            ("+1 425 555 0100 extension 7", "7"),
            ("(425) 555-0100 x0", "0"),
        ])
    func extensions(text: String, expected: String) throws {
        let number = try PhoneNumber(parsing: text)
        #expect(number.countryCode == "1")
        #expect(number.nationalNumber == "4255550100")
        #expect(number.extension == expected)
        #expect(number.e164 == "+14255550100")
    }

    @Test("No extension means nil")
    func noExtension() throws {
        #expect(try PhoneNumber(parsing: "+1 425 555 0100").extension == nil)
    }

    @Test(
        "Bad extensions are refused",
        arguments: ["+1 425 555 0100 x", "+1 425 555 0100 x12345678901", "+1 425 555 0100 x12a", "+1 425 555 0100 ext=",
                    "x1234"])
    func badExtensions(text: String) {
        #expect(throws: PhoneNumberError.self) { try PhoneNumber(parsing: text) }
    }

    @Test(
        "Numbers of other countries",
        arguments: [
            ("+44 20 7946 0958", "44", "2079460958"),
            ("+44 (0)20 7946 0958", "44", "2079460958"),
            ("+33 1 23 45 67 89", "33", "123456789"),
            ("+358 9 1234567", "358", "91234567"),
            ("+7 495 123-45-67", "7", "4951234567"),
            ("+86 10 1234 5678", "86", "1012345678"),
            ("+8665394191", "86", "65394191"),
            ("+61 2 9876 5432", "61", "298765432"),
            ("+800 1234 5678", "800", "12345678"),
            ("+683 4002", "683", "4002"),
            ("tel:+49-30-1234567", "49", "301234567"),
        ])
    func countries(text: String, countryCode: String, national: String) throws {
        let number = try PhoneNumber(parsing: text)
        #expect(number.countryCode == countryCode)
        #expect(number.nationalNumber == national)
        #expect(number.e164 == "+" + countryCode + national)
    }

    @Test(
        "North American forms without +",
        arguments: ["(425) 555-0100", "425-555-0100", "425.555.0100", "4255550100", "1-425-555-0100",
                    "1 (425) 555 0100", "14255550100", "425\u{2013}555\u{2013}0100", "425\u{00A0}555\u{00A0}0100"])
    func nanpWithoutPlus(text: String) throws {
        let number = try PhoneNumber(parsing: text)
        #expect(number.e164 == "+14255550100")
        #expect(number == (try PhoneNumber(parsing: "+1 425 555 0100")))
    }

    @Test(
        "Garbage is refused with the right code",
        arguments: [
            ("", PhoneNumberError.Code.empty),
            (" \t\n", .empty),
            ("tel:", .empty),
            ("hello", .letters),
            ("1-800-FLOWERS", .letters),
            ("+", .tooShort),
            ("++1 425 555 0100", .misplacedPlus),
            ("+1 425 555+0100", .misplacedPlus),
            ("(425 555-0100", .unbalancedParentheses),
            ("425) 555-0100", .unbalancedParentheses),
            ("((425)) 555-0100", .unbalancedParentheses),
            ("425-555-0100 #12", .invalidCharacter),
            ("425-555-0100,,12", .invalidCharacter),
            ("425*555*0100", .invalidCharacter),
            ("425_555_0100", .invalidCharacter),
            ("\u{0664}\u{0662}\u{0665}5550100", .invalidCharacter),  // Arabic-Indic digits
            ("1\u{0301}425 555 0100", .invalidCharacter),  // digit with a combining mark
            ("☎ 425 555 0100", .invalidCharacter),
            ("+1 425 555 0100;phone-context=x", .invalidCharacter),
            ("555-0100", .missingCountryCode),
            ("020 7946 0958", .missingCountryCode),
            ("0044 20 7946 0958", .missingCountryCode),
            ("+999 123 4567", .unknownCountryCode),
            ("+28 123 4567", .unknownCountryCode),
            ("+44 123", .tooShort),
            ("+44 1234 5678 9012 34", .tooLong),
            ("+1 425 555 010", .tooShort),
            ("+1 425 555 01000", .tooLong),
            ("+1 042 555 0100", .invalidAreaCode),
            ("+1 911 555 0100", .invalidAreaCode),
            ("+1 425 155 0100", .invalidExchange),
        ])
    func garbage(text: String, code: PhoneNumberError.Code) {
        #expect {
            try PhoneNumber(parsing: text)
        } throws: { error in
            guard let error = error as? PhoneNumberError else { return false }
            return error.code == code && !error.description.isEmpty
        }
    }

    @Test("E.164 allows 15 digits and no more")
    func e164Limit() throws {
        let fifteen = try PhoneNumber(parsing: "+44 1234 5678 9012 3")
        #expect(fifteen.e164.count == 16)
        let expected = PhoneNumberError(
            .tooLong, "an E.164 number has at most 15 digits with its country code; this one has 16")
        #expect(throws: expected) {
            try PhoneNumber(parsing: "+44 1234 5678 9012 34")
        }
    }

    @Test("Masking hides every digit but the last two, extension included")
    func masking() throws {
        let us = try PhoneNumber(parsing: "+1 425 555 0100 x1234")
        #expect(us.masked == "+*********00")
        #expect(!us.masked.contains("1234"))
        let uk = try PhoneNumber(parsing: "+44 20 7946 0958")
        #expect(uk.masked == "+**********58")
        let short = try PhoneNumber(parsing: "+683 4002")
        #expect(short.masked == "+*****02")
    }

    @Test("Interpolating a number prints the masked form")
    func descriptionIsMasked() throws {
        let number = try PhoneNumber(parsing: "+1 425 555 0199")
        #expect("\(number)" == "+*********99")
        #expect(!"\(number)".contains("4255550"))
    }

    @Test("Spellings of one number are equal and hash alike")
    func equality() throws {
        let a = try PhoneNumber(parsing: "+1 (425) 555-0100")
        let b = try PhoneNumber(parsing: "425.555.0100")
        let c = try PhoneNumber(parsing: "425.555.0100 x1")
        #expect(a == b)
        #expect(Set([a, b, c]).count == 2)
    }
}
