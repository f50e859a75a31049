import Foundation
import Testing
@testable import VoiceCall

/// The real `Greetings/scripts/*.txt` files of this repository, read the way `DefaultGreetings`
/// hands them to VoiceCall (`[languageTag: fileText]`).
enum RealScripts {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../Greetings/scripts")
        .standardizedFileURL

    static func files() throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".txt") {
            files[String(name.dropLast(4))] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    static func scripts() throws -> DefaultScripts {
        try DefaultScripts(files: files())
    }

    static let languages = ["de-DE", "en-US", "es-ES", "fr-FR", "ja-JP", "pt-BR"]
}

func tag(_ text: String) -> LanguageTag {
    // Test data only: every literal passed here is well-formed.
    try! LanguageTag(text)
}

@Suite struct DefaultScriptsTests {
    @Test("The six languages are shipped")
    func languages() throws {
        #expect(try RealScripts.scripts().languages.map(\.description) == RealScripts.languages)
    }

    @Test("Every language has all 18 types", arguments: RealScripts.languages)
    func allTypes(language: String) throws {
        let scripts = try RealScripts.scripts()
        for type in MessageType.allCases {
            let text = scripts.template(type, language: tag(language))
            #expect(text != nil && !text!.isEmpty, "\(language) lacks \(type.id)")
        }
    }

    @Test("Every placeholder written in the files is a known one")
    func onlyKnownPlaceholders() throws {
        let known = Set(PromptPlaceholder.allCases.map(\.written))
        for (language, text) in try RealScripts.files() {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                var rest = line[...]
                while let open = rest.firstIndex(of: "{") {
                    let close = try #require(rest[open...].firstIndex(of: "}"), "\(language): unclosed { in \(line)")
                    let placeholder = String(rest[open...close])
                    #expect(known.contains(placeholder), "\(language): unknown \(placeholder)")
                    rest = rest[rest.index(after: close)...]
                }
            }
        }
    }

    @Test("Fraud greetings speak the fraud code, the extension prompt the extension", arguments: RealScripts.languages)
    func requiredPlaceholders(language: String) throws {
        let scripts = try RealScripts.scripts()
        let language = tag(language)
        for type in MessageType.allCases {
            let placeholders = try #require(scripts.placeholders(type, language: language))
            switch type {
            case .fraudGreetingStandard, .fraudGreetingPIN:
                #expect(placeholders.contains(.fraudCode), "\(language) \(type.id)")
            case .extensionPromptBeforeDigits:
                #expect(placeholders.contains(.extension), "\(language) \(type.id)")
            default:
                #expect(!placeholders.contains(.fraudCode) && !placeholders.contains(.extension), "\(language) \(type.id)")
            }
        }
    }

    @Test("English follows the seed's table with the default product name")
    func englishSeedTexts() throws {
        let scripts = try RealScripts.scripts()
        let en = tag("en-US")
        #expect(scripts.productName(language: en) == DefaultScripts.defaultProductName)
        #expect(scripts.render(.greetingStandard, language: en)
            == "Thank you for using the sign-in verification system. Please press the pound key to finish your verification.")
        #expect(scripts.render(.authenticationDenied, language: en)
            == "I'm sorry, we cannot sign you in at this time. Please try again later.")
        #expect(scripts.render(.fraudGreetingStandard, language: en)?.contains(
            "If you did not initiate this verification, someone may be trying to access your account. Please press zero, then pound to submit a fraud alert.") == true)
        #expect(scripts.render(.extensionPromptBeforeDigits, language: en)
            == "Thank you for using the sign-in verification system. Please transfer this call to extension ….")
    }

    @Test("French follows the seed's table")
    func frenchSeedTexts() throws {
        let scripts = try RealScripts.scripts()
        #expect(scripts.render(.greetingPIN, language: tag("fr-FR"))
            == "Merci d'avoir choisi d'utiliser le système de vérification de connexion. Veuillez entrer votre code PIN suivi de la clé dièse pour terminer votre vérification.")
        #expect(scripts.render(.authenticationSuccessful, language: tag("fr-fr")) == "Votre connexion a bien été vérifiée. Au revoir.")
    }

    @Test("A configured product name is spoken in every language")
    func configuredProductName() throws {
        let scripts = try RealScripts.scripts()
        for language in RealScripts.languages {
            let text = try #require(scripts.render(.greetingStandard, language: tag(language), productName: "Contoso Verify"))
            #expect(text.contains("Contoso Verify"), "\(language)")
        }
    }

    @Test("template() matches the exact tag only, case-insensitively")
    func exactTemplateMatch() throws {
        let scripts = try RealScripts.scripts()
        #expect(scripts.template(.greetingStandard, language: tag("DE-de")) != nil)
        #expect(scripts.template(.greetingStandard, language: tag("de-AT")) == nil)
        #expect(scripts.template(.greetingStandard, language: tag("de-DE"))?.contains("{product}") == true)
    }

    @Test("MessageType.ordinal is the position in allCases")
    func ordinals() {
        for (index, type) in MessageType.allCases.enumerated() {
            #expect(type.ordinal == index)
        }
    }

    // MARK: - Broken files

    private func brokenEnglish(_ edit: (String) -> String) throws -> DefaultScriptsError? {
        var files = try RealScripts.files()
        files["en-US"] = edit(files["en-US"]!)
        do {
            _ = try DefaultScripts(files: files)
            return nil
        } catch {
            return error
        }
    }

    private func lineNumber(of prefix: String, in language: String = "en-US") throws -> Int {
        let lines = try RealScripts.files()[language]!.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
    }

    @Test("An unknown placeholder is refused with file and line")
    func unknownPlaceholder() throws {
        let error = try #require(try self.brokenEnglish { $0.replacingOccurrences(of: "Verification denied.", with: "Verification {code} denied.") })
        #expect(error.file == "en-US.txt")
        #expect(error.line == (try self.lineNumber(of: "authentication-denied-retry")))
        #expect(error.description.contains("{code}"))
    }

    @Test("A missing type is refused, naming it")
    func missingType() throws {
        let error = try #require(try self.brokenEnglish { $0.replacingOccurrences(of: "retry-pin =", with: "# retry-pin =") })
        #expect(error.file == "en-US.txt")
        #expect(error.line == nil)
        #expect(error.message.contains("retry-pin"))
    }

    @Test("A repeated key, an unknown key and a line without = are refused")
    func badLines() throws {
        let repeated = try #require(try self.brokenEnglish { $0 + "\nkey.1 = won\n" })
        #expect(repeated.message.contains("defined again"))
        let unknown = try #require(try self.brokenEnglish { $0 + "\ngreeting-standrad = Hello\n" })
        #expect(unknown.message.contains("greeting-standrad"))
        let noEquals = try #require(try self.brokenEnglish { "just some words\n" + $0 })
        #expect(noEquals.line == 1)
        let unclosed = try #require(try self.brokenEnglish { $0.replacingOccurrences(of: "{extension}.", with: "{extension.") })
        #expect(unclosed.message.contains("without its"))
    }

    @Test("A file name that is not a tag, two files for one tag, and no en-US are refused")
    func badFileSets() throws {
        var files = try RealScripts.files()
        files["en_GB"] = files["en-US"]
        #expect(throws: DefaultScriptsError.self) { try DefaultScripts(files: files) }

        files = try RealScripts.files()
        files["DE-de"] = files["de-DE"]
        #expect(throws: DefaultScriptsError.self) { try DefaultScripts(files: files) }

        files = try RealScripts.files()
        files["en-US"] = nil
        do {
            _ = try DefaultScripts(files: files)
            Issue.record("scripts without en-US were accepted")
        } catch {
            #expect(error.file == "en-US.txt")
        }
    }

    @Test("Quotes keep spaces, CRLF line ends and a BOM are read")
    func formatDetails() throws {
        var files = try RealScripts.files()
        files["en-US"] = "\u{FEFF}" + files["en-US"]!.replacingOccurrences(of: "\n", with: "\r\n")
        let scripts = try DefaultScripts(files: files)
        #expect(scripts.spokenKeys(language: .englishUS)?.separator == ", ")
        #expect(scripts.render(.authenticationDeniedRetry, language: .englishUS) == "Verification denied.")
    }
}
