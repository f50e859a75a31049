import Testing
@testable import VoiceCall

@Suite struct PromptSpokenKeysTests {
    /// Fraud code `19`: the two keys, then the language's word for `#`.
    static let fraudCode19: [(language: String, spoken: String)] = [
        ("en-US", "Please press one, nine, then pound to submit a fraud alert."),
        ("fr-FR", "Veuillez appuyer sur un, neuf, puis dièse pour envoyer une alerte de fraude."),
        ("de-DE", "Bitte drücken Sie eins, neun, dann Raute, um eine Betrugswarnung zu übermitteln."),
        ("es-ES", "Pulse uno, nueve y luego almohadilla para enviar una alerta de fraude."),
        ("pt-BR", "Pressione um, nove e depois cerquilha para enviar um alerta de fraude."),
        ("ja-JP", "不正アクセスの警告を送信するには、いち、きゅう、シャープの順に押してください。"),
    ]

    @Test("Fraud code 19 is spoken as its two keys then pound, in both fraud greetings", arguments: fraudCode19)
    func fraudCode(language: String, spoken: String) throws {
        let resolver = PromptResolver(
            defaults: try RealScripts.scripts(), customGreetings: [], preference: try LanguagePreference(parsing: language),
            productName: DefaultScripts.defaultProductName, fraudCode: "19")
        for type in [MessageType.fraudGreetingStandard, .fraudGreetingPIN] {
            let prompt = resolver.resolve(type)
            #expect(prompt.language.description == language)
            #expect(prompt.text?.contains(spoken) == true, "\(language) \(type.id): \(prompt.text ?? "nil")")
        }
    }

    @Test("The words come from each script's keys", arguments: RealScripts.languages)
    func wordsFromScript(language: String) throws {
        let scripts = try RealScripts.scripts()
        let keys = try #require(scripts.spokenKeys(language: tag(language)))
        let text = try #require(scripts.render(.fraudGreetingStandard, language: tag(language), fraudCode: "19"))
        let spoken = keys.word(for: "1") + keys.separator + keys.word(for: "9") + keys.beforeLast + keys.word(for: "#")
        #expect(text.contains(spoken))
        for key in SpokenKeys.keys {
            #expect(!(keys.words[key] ?? "").isEmpty, "\(language) has no word for \(key)")
        }
    }

    @Test("A different fraud code changes the default greeting, nothing else")
    func otherFraudCode() throws {
        let scripts = try RealScripts.scripts()
        let text = try #require(scripts.render(.fraudGreetingStandard, language: .englishUS, fraudCode: "8*0"))
        #expect(text.contains("Please press eight, star, zero, then pound to submit a fraud alert."))
        #expect(scripts.render(.greetingStandard, language: .englishUS, fraudCode: "8*0")
            == scripts.render(.greetingStandard, language: .englishUS, fraudCode: "0"))
    }

    @Test("The extension is spoken key by key in every language", arguments: [
        ("en-US", "extension one, two, three, four."),
        ("fr-FR", "l’extension un, deux, trois, quatre."),
        ("de-DE", "Durchwahl eins, zwei, drei, vier."),
        ("es-ES", "extensión uno, dos, tres, cuatro."),
        ("pt-BR", "ramal um, dois, três, quatro."),
        ("ja-JP", "内線 いち、に、さん、よん に転送"),
    ])
    func extensionSpoken(language: String, spoken: String) throws {
        let resolver = PromptResolver(
            defaults: try RealScripts.scripts(), customGreetings: [], preference: try LanguagePreference(parsing: language),
            productName: DefaultScripts.defaultProductName, fraudCode: "0")
        let text = try #require(resolver.resolve(.extensionPromptBeforeDigits, extension: "1234").text)
        #expect(text.contains(spoken), "\(text)")
    }

    @Test("Joining: a list uses the separator, a sequence puts the last joiner before its final key")
    func joining() {
        let keys = SpokenKeys(words: ["1": "one", "2": "two", "#": "pound"], separator: ", ", beforeLast: ", then ")
        #expect(keys.speak("12#", joining: .sequence) == "one, two, then pound")
        #expect(keys.speak("12#", joining: .list) == "one, two, pound")
        #expect(keys.speak("#", joining: .sequence) == "pound")
        #expect(keys.speak("", joining: .sequence) == "")
        #expect(keys.speak("1A", joining: .list) == "one, A")
    }
}
