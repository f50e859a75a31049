import Testing
@testable import VoiceCall

@Suite struct LanguagePreferenceTests {
    private func tags(_ value: String) throws -> [String] {
        try LanguagePreference(parsing: value).tags.map(\.description)
    }

    @Test("A single tag is a preference of one")
    func singleTag() throws {
        #expect(try self.tags("de-at") == ["de-AT"])
    }

    @Test("Members are ordered by q, highest first, equal q in written order")
    func ordering() throws {
        #expect(try self.tags("fr-CA,fr;q=0.9,en;q=0.5") == ["fr-CA", "fr", "en"])
        #expect(try self.tags("en;q=0.2,de;q=0.8") == ["de", "en"])
        #expect(try self.tags("it;q=0.5, es, ca;q=0.5 , pt") == ["es", "pt", "it", "ca"])
        #expect(try self.tags("en;q=1.000,de;q=1") == ["en", "de"])
    }

    @Test("A tag listed twice keeps its best place")
    func duplicates() throws {
        #expect(try self.tags("en;q=0.1, de, EN;q=0.9") == ["de", "en"])
    }

    @Test("q=0 removes a language, wherever else it is listed")
    func exclusion() throws {
        let preference = try LanguagePreference(parsing: "de, fr;q=0.5, de;q=0")
        #expect(preference.tags.map(\.description) == ["fr"])
        #expect(preference.excluded.map(\.description) == ["de"])
        #expect(try self.tags("de;q=0.000") == [])
    }

    @Test("* adds nothing")
    func wildcard() throws {
        #expect(try self.tags("*") == [])
        #expect(try self.tags("*, de;q=0.5") == ["de"])
        #expect(try self.tags("*;q=0") == [])
    }

    @Test("A malformed member is ignored when another is well-formed")
    func malformedMemberIgnored() throws {
        let preference = try LanguagePreference(parsing: "en_US, de;q=0.7, fr;q=2, it;level=1")
        #expect(preference.tags.map(\.description) == ["de"])
        #expect(preference.ignored.count == 3)
    }

    @Test("Empty list elements and optional white space are allowed")
    func listSyntax() throws {
        #expect(try self.tags(" ,de-DE ;\tq=0.5,, en\t") == ["en", "de-DE"])
        #expect(try self.tags("en;Q=0.5") == ["en"])
    }

    @Test("A value with no well-formed member is refused", arguments: [
        "", "   ", ",,", "en_US", "en;q=2", "en;q=0.1234", "en;q=1.5", "en;q=", "en;q=.5", "en;foo=1",
        "en;q=0.5;q=0.4", "de DE", "q=0.5",
    ])
    func malformedValueRefused(value: String) {
        #expect(throws: LanguageError.self) { try LanguagePreference(parsing: value) }
    }

    @Test("The error names the whole value")
    func errorNamesValue() {
        do {
            _ = try LanguagePreference(parsing: "en;q=2")
            Issue.record("q=2 was accepted")
        } catch {
            #expect(error.value == "en;q=2")
            #expect(error.description.contains("q=0 to q=1"))
        }
    }
}
