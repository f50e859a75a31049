import Testing
@testable import VoiceCall

@Suite struct PromptResolverTests {
    private let scripts: DefaultScripts

    init() throws {
        self.scripts = try RealScripts.scripts()
    }

    private func custom(_ type: MessageType, _ language: String, seconds: Double = 7.5) -> CustomGreetingRef {
        CustomGreetingRef(type: type, language: tag(language), durationSeconds: seconds, reference: "\(type.id).\(language)")
    }

    private func resolver(_ value: String, customs: [CustomGreetingRef] = [], fraudCode: String = "0") throws -> PromptResolver {
        PromptResolver(
            defaults: self.scripts, customGreetings: customs, preference: try LanguagePreference(parsing: value),
            productName: DefaultScripts.defaultProductName, fraudCode: fraudCode)
    }

    @Test("Seed example: only a German custom Greeting exists; German hears it, English the standard English one")
    func seedExample() throws {
        let customs = [self.custom(.greetingStandard, "de-DE", seconds: 6.25)]
        let german = try self.resolver("de-DE", customs: customs).resolve(.greetingStandard)
        #expect(german.source == .custom)
        #expect(german.language.description == "de-DE")
        #expect(german.text == nil)
        #expect(german.durationSeconds == 6.25)
        #expect(german.customReference == "greeting-standard.de-DE")

        let english = try self.resolver("en-US", customs: customs).resolve(.greetingStandard)
        #expect(english.source == .default)
        #expect(english.language.description == "en-US")
        #expect(english.text == self.scripts.render(.greetingStandard, language: .englishUS))
        #expect(english.customReference == nil)

        // The German user's other prompts are the German defaults.
        let otherGerman = try self.resolver("de-DE", customs: customs).resolve(.authenticationSuccessful)
        #expect(otherGerman.source == .default)
        #expect(otherGerman.language.description == "de-DE")
    }

    @Test("de-AT hears the de-DE custom greeting, and the de-DE default without one")
    func regionalVariantUsesPrimaryLanguage() throws {
        let customs = [self.custom(.greetingStandard, "de-DE")]
        let withCustom = try self.resolver("de-AT", customs: customs)
        #expect(withCustom.resolve(.greetingStandard).source == .custom)
        #expect(withCustom.resolve(.greetingStandard).language.description == "de-DE")
        let withoutCustom = try self.resolver("de-AT").resolve(.greetingStandard)
        #expect(withoutCustom.source == .default)
        #expect(withoutCustom.language.description == "de-DE")
        #expect(withoutCustom.text?.hasPrefix("Vielen Dank") == true)
    }

    @Test("Accept-Language lists resolve in preference order", arguments: [
        ("fr-CA,fr;q=0.9,en;q=0.5", "fr-FR"),
        ("en;q=0.2,de;q=0.8", "de-DE"),
        ("sw-KE", "en-US"),
        ("sw-KE, pt;q=0.3", "pt-BR"),
        ("ja", "ja-JP"),
        ("es-MX", "es-ES"),
        ("en-GB", "en-US"),
        ("*", "en-US"),
        ("*, fr;q=0.1", "fr-FR"),
        ("DE-de", "de-DE"),
        ("en_US, es", "es-ES"),
    ])
    func negotiation(value: String, expected: String) throws {
        let resolver = try self.resolver(value)
        for type in MessageType.allCases {
            let prompt = resolver.resolve(type)
            #expect(prompt.language.description == expected, "\(value) \(type.id)")
            #expect(prompt.source == .default)
            #expect(prompt.type == type)
        }
    }

    @Test("q=0 removes a language, also as a same-language fallback")
    func exclusion() throws {
        #expect(try self.resolver("de;q=0, fr;q=0.5").resolve(.greetingPIN).language.description == "fr-FR")
        #expect(try self.resolver("de-DE;q=0").resolve(.greetingPIN).language.description == "en-US")
        // de-CH has no script of its own; its same-language fallback de-DE was refused.
        #expect(try self.resolver("de-CH, de-DE;q=0, es;q=0.5").resolve(.greetingPIN).language.description == "es-ES")
        let customs = [self.custom(.greetingPIN, "de-DE")]
        #expect(try self.resolver("de-CH, de-DE;q=0, es;q=0.5", customs: customs).resolve(.greetingPIN).source == .default)
    }

    @Test("A custom greeting in a later language does not beat a default in an earlier one")
    func customOnlyWithinPreferenceOrder() throws {
        let customs = [self.custom(.greetingStandard, "de-DE")]
        let frenchFirst = try self.resolver("fr, de;q=0.5", customs: customs).resolve(.greetingStandard)
        #expect(frenchFirst.language.description == "fr-FR")
        #expect(frenchFirst.source == .default)
        // No script for sw: the German custom (second tag) comes before the German default.
        let swahiliFirst = try self.resolver("sw, de;q=0.5", customs: customs).resolve(.greetingStandard)
        #expect(swahiliFirst.source == .custom)
    }

    @Test("A custom greeting of a language without a default script is heard by that language")
    func customInUnscriptedLanguage() throws {
        let customs = [self.custom(.greetingStandard, "nl-NL")]
        let dutch = try self.resolver("nl-BE, en;q=0.5", customs: customs)
        #expect(dutch.resolve(.greetingStandard).source == .custom)
        #expect(dutch.resolve(.greetingStandard).language.description == "nl-NL")
        #expect(dutch.resolve(.retryStandard).language.description == "en-US")
    }

    @Test("After the list only the en-US default plays, even when an en-US custom exists")
    func fallbackIsTheDefault() throws {
        let customs = [self.custom(.greetingStandard, "en-US")]
        #expect(try self.resolver("sw-KE", customs: customs).resolve(.greetingStandard).source == .default)
        #expect(try self.resolver("en", customs: customs).resolve(.greetingStandard).source == .custom)
    }

    @Test("Exact custom tag beats a same-language one; the bare primary tag beats other regions")
    func customPrecedence() throws {
        let customs = [
            self.custom(.greetingStandard, "de-CH"), self.custom(.greetingStandard, "de-AT"),
            self.custom(.greetingStandard, "de"),
        ]
        #expect(try self.resolver("de-AT", customs: customs).resolve(.greetingStandard).language.description == "de-AT")
        #expect(try self.resolver("de-LI", customs: customs).resolve(.greetingStandard).language.description == "de")
        let withoutBare = Array(customs.prefix(2))
        #expect(try self.resolver("de-LI", customs: withoutBare).resolve(.greetingStandard).language.description == "de-AT")
    }

    @Test("A later catalog entry for the same type and tag replaces the earlier")
    func laterCustomWins() throws {
        let customs = [self.custom(.greetingStandard, "de-DE", seconds: 1), self.custom(.greetingStandard, "DE-de", seconds: 2)]
        #expect(try self.resolver("de", customs: customs).resolve(.greetingStandard).durationSeconds == 2)
    }

    @Test("The extension prompt speaks the extension; a custom one is played as recorded")
    func extensionPrompt() throws {
        let english = try self.resolver("en-US").resolve(.extensionPromptBeforeDigits, extension: "1234")
        #expect(english.text == "Thank you for using the sign-in verification system. Please transfer this call to extension one, two, three, four.")
        #expect(english.durationSeconds == SpeechDuration.estimate(text: english.text!, language: .englishUS))
        let noExtension = try self.resolver("en-US").resolve(.extensionPromptBeforeDigits)
        #expect(noExtension.text?.hasSuffix("extension ….") == true)

        let customs = [self.custom(.extensionPromptBeforeDigits, "en-US", seconds: 3)]
        let recorded = try self.resolver("en-US", customs: customs).resolve(.extensionPromptBeforeDigits, extension: "1234")
        #expect(recorded.source == .custom)
        #expect(recorded.text == nil)
        #expect(recorded.durationSeconds == 3)
    }

    @Test("Default durations are estimated from the rendered text")
    func defaultDurations() throws {
        let resolver = try self.resolver("fr", fraudCode: "19")
        for type in MessageType.allCases {
            let prompt = resolver.resolve(type)
            #expect(prompt.durationSeconds == SpeechDuration.estimate(text: prompt.text!, language: tag("fr-FR")))
            #expect(prompt.durationSeconds > 0)
        }
    }

    @Test("A library shared by many users gives the same answers as the all-in-one initialiser")
    func libraryMatchesDirectResolver() throws {
        let customs = [self.custom(.greetingStandard, "de-DE"), self.custom(.fraudReported, "fr-CA")]
        let library = PromptLibrary(defaults: self.scripts, customGreetings: customs, productName: "Contoso", fraudCode: "7*")
        for value in ["de-AT", "fr-CA,fr;q=0.9,en;q=0.5", "sw", "ja;q=0.1, *"] {
            let preference = try LanguagePreference(parsing: value)
            let fromLibrary = library.resolver(for: preference)
            let direct = PromptResolver(
                defaults: self.scripts, customGreetings: customs, preference: preference, productName: "Contoso", fraudCode: "7*")
            for type in MessageType.allCases {
                #expect(fromLibrary.resolve(type, extension: "42") == direct.resolve(type, extension: "42"))
            }
        }
    }

    @Test("render() prints a type in a language for `ivr prompts --language`")
    func renderForListing() throws {
        let resolver = try self.resolver("en", fraudCode: "19")
        #expect(resolver.render(.fraudGreetingPIN, language: tag("de-AT"))?.contains("eins, neun, dann Raute") == true)
        #expect(resolver.render(.greetingStandard, language: tag("sw")) == nil)
        #expect(resolver.render(.extensionPromptBeforeDigits, language: tag("es-ES"), extension: "7")?.hasSuffix("extensión siete.") == true)
    }
}
