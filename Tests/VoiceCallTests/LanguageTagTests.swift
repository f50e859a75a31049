import Testing
@testable import VoiceCall

@Suite struct LanguageTagTests {
    @Test("Canonical casing: language lower, script title, region upper", arguments: [
        ("de-at", "de-AT"), ("zh-hant-tw", "zh-Hant-TW"), ("EN-us", "en-US"), ("SGN-be-FR", "sgn-BE-FR"),
        ("es-419", "es-419"), ("en-us-x-CA", "en-US-x-ca"), ("az-latn-x-latn", "az-Latn-x-latn"),
        ("I-KLINGON", "i-klingon"), ("de-ch-1996", "de-CH-1996"), ("en-US-u-CA-gregory", "en-US-u-ca-gregory"),
    ])
    func canonicalCasing(input: String, canonical: String) throws {
        #expect(try LanguageTag(input).description == canonical)
    }

    @Test("Primary subtag is lowercased")
    func primary() throws {
        #expect(try LanguageTag("ZH-Hant-TW").primary == "zh")
        #expect(try LanguageTag("de").primary == "de")
        #expect(try LanguageTag("x-private").primary == "x")
    }

    @Test("Equality ignores case")
    func equalityIgnoresCase() throws {
        #expect(try LanguageTag("DE-de") == LanguageTag("de-DE"))
        #expect(try LanguageTag("de-DE") != LanguageTag("de-AT"))
    }

    @Test("Any well-formed tag is accepted, registered or not", arguments: [
        "en", "sw-KE", "qaa-Qaaa-QM", "zh-yue-HK", "hy-Latn-IT-arevela", "en-GB-oed", "x-whatever",
        "abcdefgh", "en-a-bbb-x-a-ccc", "de-1901", "art-lojban", "tlh", "zh-cmn-Hans-CN",
    ])
    func wellFormedAccepted(tag: String) {
        #expect(throws: Never.self) { try LanguageTag(tag) }
    }

    @Test("Malformed tags are refused", arguments: [
        "", "en_US", "e", "en--US", "en-", "-en", "toolongsubtag", "en-US-a", "x", "de-419-DE", "123",
        "abcd-efgh-ijkl", "en-x", "en US", "fr-ça", "*", "en-aaa-bbb-ccc-ddd", "en-US-1",
    ])
    func malformedRefused(tag: String) {
        #expect(throws: LanguageError.self) { try LanguageTag(tag) }
    }

    @Test("The error names the value and says what is wrong")
    func errorMessage() {
        do {
            _ = try LanguageTag("en_US")
            Issue.record("en_US was accepted")
        } catch {
            #expect(error.value == "en_US")
            #expect(error.description.contains("\"en_US\""))
            #expect(error.description.contains("character"))
        }
        do {
            _ = try LanguageTag("en-toolongsubtag")
            Issue.record("a 13-character subtag was accepted")
        } catch {
            #expect(error.reason.contains("longer than 8"))
        }
    }
}
