/// The default prompt texts of every shipped language, parsed from the `Greetings/scripts/*.txt`
/// files (one per language, see `LanguageScript` for the format).
///
/// VoiceCall never reads files: the `DefaultGreetings` module hands the texts in as
/// `[languageTag: fileText]`, and this type checks them all at once, so a broken script is an error
/// at start-up (naming file and line), never a silent gap in the middle of a call.
///
/// ```swift
/// let scripts = try DefaultScripts(files: DefaultGreetings.scripts())
/// scripts.render(.fraudGreetingStandard, language: try LanguageTag("en-US"), fraudCode: "19")
/// // "… Please press one, nine, then pound to submit a fraud alert. …"
/// ```
public struct DefaultScripts: Sendable {
    /// The product name setting's default (SPEC §3). While the setting has this value (or is
    /// empty), each language speaks its own translation of it (the script's `product` entry).
    public static let defaultProductName = "the sign-in verification system"

    let scripts: [LanguageTag: LanguageScript]

    /// Parses every file.
    ///
    /// - Parameter files: file text by language tag, the file name without `.txt` (`"de-DE"`);
    ///   a `.txt` suffix is tolerated.
    /// - Throws: `DefaultScriptsError` naming the file (and line) of the first problem: a file name
    ///   that is not a language tag, two files for one tag, a malformed line, a missing, repeated or
    ///   unknown key, an unknown placeholder, or no `en-US` script (the fallback every call needs).
    public init(files: [String: String]) throws(DefaultScriptsError) {
        var scripts: [LanguageTag: LanguageScript] = [:]
        var fileNames: [LanguageTag: String] = [:]
        for name in files.keys.sorted() {
            let base = name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
            let file = base + ".txt"
            let tag: LanguageTag
            do throws(LanguageError) {
                tag = try LanguageTag(base)
            } catch {
                throw DefaultScriptsError(file: file, line: nil, message: "the file name is not a language tag: \(error.reason)")
            }
            if let other = fileNames[tag] {
                throw DefaultScriptsError(file: file, line: nil, message: "\(other) is already the script for \(tag)")
            }
            fileNames[tag] = file
            scripts[tag] = try LanguageScript(tag: tag, file: file, text: files[name]!)
        }
        if scripts[.englishUS] == nil {
            throw DefaultScriptsError(file: "en-US.txt", line: nil, message: "missing: en-US is the language every prompt falls back to")
        }
        self.scripts = scripts
    }

    /// The languages that have a default script, sorted by tag.
    public var languages: [LanguageTag] { self.scripts.keys.sorted() }

    /// The script text of `type` in exactly `language` (case-insensitive), placeholders unfilled.
    public func template(_ type: MessageType, language: LanguageTag) -> String? {
        self.scripts[language]?.template(type).source
    }

    /// The placeholders `type`'s script uses in `language`, in order of first use.
    public func placeholders(_ type: MessageType, language: LanguageTag) -> [PromptPlaceholder]? {
        self.scripts[language]?.template(type).placeholders
    }

    /// The text spoken for `type` in exactly `language`, placeholders filled in.
    ///
    /// - Parameters:
    ///   - productName: the product name setting; the default makes each language use its own name.
    ///   - fraudCode: the configured fraud code (without `#`; the `#` is spoken after it).
    ///   - extension: the extension keys for *Extension prompt before digits*; `nil` speaks "…".
    public func render(
        _ type: MessageType, language: LanguageTag, productName: String = DefaultScripts.defaultProductName,
        fraudCode: String = "0", extension ext: String? = nil
    ) -> String? {
        self.scripts[language]?.render(type, productName: productName, fraudCode: fraudCode, extension: ext)
    }

    /// How `language` speaks keys.
    public func spokenKeys(language: LanguageTag) -> SpokenKeys? {
        self.scripts[language]?.keys
    }

    /// The product name `language` speaks while the setting is the default.
    public func productName(language: LanguageTag) -> String? {
        self.scripts[language]?.productName
    }
}
