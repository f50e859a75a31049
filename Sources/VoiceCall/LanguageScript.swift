/// One parsed default script file (`Greetings/scripts/de-DE.txt`): the 18 prompt templates, the
/// language's default product name and its spoken keys.
///
/// File format (documented again at the top of every script file):
/// - UTF-8 text, one `key = value` entry per line. Blank lines are ignored; a line whose first
///   non-blank character is `#` is a comment (there are no comments at the end of an entry, since
///   prompt texts may contain `#`).
/// - The value is trimmed; wrap it in double quotes to keep spaces at its ends (`keys.separator = ", "`).
/// - Keys: the 18 message type ids (`greeting-standard = …`); `product` (the product name spoken
///   while the setting is the default); `key.0` … `key.9`, `key.*`, `key.#` (spoken keys);
///   `keys.separator` and `keys.before-last` (joiners, see `SpokenKeys`). Every key is required,
///   none may repeat, no other key is allowed.
/// - Prompt texts may use the placeholders `{product}`, `{fraud-code}` and `{extension}` and no
///   other `{` or `}`.
struct LanguageScript: Sendable {
    let tag: LanguageTag
    /// Indexed by `MessageType.ordinal`.
    let templates: [PromptTemplate]
    let productName: String
    let keys: SpokenKeys

    /// Parses `text`; `file` is the name used in errors (`de-DE.txt`).
    init(tag: LanguageTag, file: String, text: String) throws(DefaultScriptsError) {
        var templates: [MessageType: PromptTemplate] = [:]
        var values: [String: String] = [:]
        var firstLine: [String: Int] = [:]
        let settingKeys = ["product", "keys.separator", "keys.before-last"] + SpokenKeys.keys.map { "key.\($0)" }

        var body = text[...]
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        for (offset, rawLine) in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let lineNumber = offset + 1
            // "\r\n" is one Character in Swift, so it is a separator of its own above.
            let content = Self.trimmed(rawLine)
            if content.isEmpty || content.first == "#" { continue }
            guard let equals = content.firstIndex(of: "=") else {
                throw DefaultScriptsError(file: file, line: lineNumber, message: "expected \"key = text\", found \(String(content).debugDescription)")
            }
            let key = String(Self.trimmed(content[..<equals]))
            var value = Self.trimmed(content[content.index(after: equals)...])
            if value.count >= 2, value.first == "\"", value.last == "\"" {
                value = value.dropFirst().dropLast()
            }
            if let earlier = firstLine[key] {
                throw DefaultScriptsError(file: file, line: lineNumber, message: "\(key) is defined again (first on line \(earlier))")
            }
            if value.isEmpty {
                throw DefaultScriptsError(file: file, line: lineNumber, message: "\(key) has no text")
            }
            firstLine[key] = lineNumber
            if let type = MessageType(rawValue: key) {
                do throws(PromptTemplate.TemplateError) {
                    templates[type] = try PromptTemplate(parsing: String(value))
                } catch {
                    throw DefaultScriptsError(file: file, line: lineNumber, message: "\(key): \(error.message)")
                }
            } else if settingKeys.contains(key) {
                values[key] = String(value)
            } else {
                throw DefaultScriptsError(
                    file: file, line: lineNumber,
                    message: "unknown key \(key.debugDescription) (expected a message type id, product, key.0-9, key.*, key.#, keys.separator or keys.before-last)")
            }
        }

        let missing = MessageType.allCases.filter { templates[$0] == nil }.map(\.rawValue)
            + settingKeys.filter { values[$0] == nil }
        if !missing.isEmpty {
            throw DefaultScriptsError(file: file, line: nil, message: "missing \(missing.joined(separator: ", "))")
        }
        self.tag = tag
        self.templates = MessageType.allCases.map { templates[$0]! }
        self.productName = values["product"]!
        var words: [Character: String] = [:]
        for key in SpokenKeys.keys { words[key] = values["key.\(key)"]! }
        self.keys = SpokenKeys(words: words, separator: values["keys.separator"]!, beforeLast: values["keys.before-last"]!)
    }

    func template(_ type: MessageType) -> PromptTemplate { self.templates[type.ordinal] }

    /// The product name to speak: the setting, or this language's own name while the setting is
    /// the default (or empty), so a French caller hears a French name rather than the English default.
    func product(for setting: String) -> String {
        let trimmed = Self.trimmed(setting[...])
        return trimmed.isEmpty || trimmed == DefaultScripts.defaultProductName ? self.productName : String(trimmed)
    }

    func render(_ type: MessageType, productName: String, fraudCode: String, extension ext: String?) -> String {
        self.template(type).render(product: self.product(for: productName), fraudCode: fraudCode, extension: ext, keys: self.keys)
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var result = text
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }
}

extension MessageType {
    /// The position in `allCases` (0–17), for array-indexed lookups on the per-prompt hot path;
    /// follows the declaration order, so adding a type needs no table.
    public var ordinal: Int { Self.ordinals[self]! }

    /// Each type's position, computed once from `allCases` (a lookup, not a scan, per prompt).
    private static let ordinals = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
