/// A value a default script can leave open, written `{name}` in the script text.
public enum PromptPlaceholder: String, CaseIterable, Sendable, Hashable {
    /// `{product}`: the product name setting (SPEC §10 `product-name`), or the language's own
    /// default name while the setting is the default.
    case product
    /// `{fraud-code}`: the configured fraud code followed by `#`, spoken as a sequence of keys to
    /// press ("one, nine, then pound").
    case fraudCode = "fraud-code"
    /// `{extension}`: the extension being dialled, spoken key by key ("one, two, three, four");
    /// "…" when no extension is known (as in `ivr prompts`).
    case `extension`

    /// How the placeholder is written in a script: `{fraud-code}`.
    public var written: String { "{\(self.rawValue)}" }
}

/// A default prompt's text cut into literal pieces and placeholders, parsed once when the scripts
/// load so that rendering a prompt is only string appends.
struct PromptTemplate: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case text(String)
        case placeholder(PromptPlaceholder)
    }

    /// The text as written in the script file.
    let source: String
    let segments: [Segment]

    /// Parses `{name}` placeholders; the error message says what is wrong (for the file and line).
    init(parsing source: String) throws(TemplateError) {
        var segments: [Segment] = []
        var literal = ""
        var rest = source[...]
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            literal += rest[..<open]
            if rest[open] == "}" {
                throw TemplateError(message: "a \"}\" without its \"{\"")
            }
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw TemplateError(message: "a \"{\" without its \"}\"")
            }
            let name = rest[rest.index(after: open)..<close]
            guard let placeholder = PromptPlaceholder(rawValue: String(name)) else {
                let known = PromptPlaceholder.allCases.map(\.written).joined(separator: ", ")
                throw TemplateError(message: "unknown placeholder {\(name)} (known: \(known))")
            }
            if !literal.isEmpty { segments.append(.text(literal)) }
            literal = ""
            segments.append(.placeholder(placeholder))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { segments.append(.text(literal)) }
        self.source = source
        self.segments = segments
    }

    struct TemplateError: Error {
        let message: String
    }

    /// The placeholders used, in order of first use.
    var placeholders: [PromptPlaceholder] {
        var result: [PromptPlaceholder] = []
        for case .placeholder(let p) in self.segments where !result.contains(p) { result.append(p) }
        return result
    }

    /// The text with every placeholder filled in.
    ///
    /// - Parameters:
    ///   - product: the product name to speak.
    ///   - fraudCode: the configured fraud code without its `#`; `#` is added and spoken too.
    ///   - extension: the extension's keys, or `nil` for "…".
    ///   - keys: the language's spoken keys.
    func render(product: String, fraudCode: String, extension ext: String?, keys: SpokenKeys) -> String {
        var result = ""
        result.reserveCapacity(self.source.utf8.count + 32)
        for segment in self.segments {
            switch segment {
            case .text(let text):
                result += text
            case .placeholder(.product):
                result += product
            case .placeholder(.fraudCode):
                result += keys.speak(fraudCode + "#", joining: .sequence)
            case .placeholder(.extension):
                if let ext, !ext.isEmpty {
                    result += keys.speak(ext, joining: .list)
                } else {
                    result += "…"
                }
            }
        }
        return result
    }
}
