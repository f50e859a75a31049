/// One prompt as it will be played, with the language choice recorded (SPEC §3, §7: each prompt
/// played is logged with its type, language and whether it was custom or default).
public struct ResolvedPrompt: Sendable, Equatable {
    public let type: MessageType
    /// The canonical tag of what is played: the custom greeting's tag, or the default script's tag.
    public let language: String
    public let source: PromptSource
    /// The rendered default text; `nil` for a custom greeting.
    public let text: String?
    /// Custom: the greeting's decoded duration. Default: `SpeechDuration.estimate` of `text`.
    public let durationSeconds: Double
    /// The store's reference to the custom greeting's audio; `nil` for a default prompt.
    public let customReference: String?

    public init(
        type: MessageType, language: String, source: PromptSource, text: String?, durationSeconds: Double,
        customReference: String?
    ) {
        self.type = type
        self.language = language
        self.source = source
        self.text = text
        self.durationSeconds = durationSeconds
        self.customReference = customReference
    }
}

/// Picks, for one user, what each of the 18 prompts plays (SPEC §3).
///
/// For each prompt separately, walk the user's tags in preference order; for each tag try a custom
/// greeting of exactly that tag, a custom greeting of the same primary language, the default script
/// of that tag, the default script of the primary language; the first hit wins; after the list,
/// the `en-US` default. Tags a preference marks `q=0` are never taken as a same-primary match.
/// When several tags share the primary language (`de-DE`, `de-CH` for a `de-AT` user), the bare
/// primary tag (`de`) wins, else the first in tag order.
///
/// All of that is decided when the resolver is made; `resolve` is an array read (plus rendering
/// the extension's digits for *Extension prompt before digits*), since it runs for every prompt of
/// every call.
public struct PromptResolver: Sendable {
    private let library: PromptLibrary
    /// By `MessageType.ordinal`.
    private let prompts: [ResolvedPrompt]
    /// The script that speaks *Extension prompt before digits*, when that prompt is a default one.
    private let extensionScript: LanguageScript?

    /// Resolves every prompt for one user.
    ///
    /// This builds a `PromptLibrary` (rendering every default prompt in every language); to resolve
    /// for many users under the same settings, build the library once and call
    /// `library.resolver(for:)`.
    public init(
        defaults: DefaultScripts, customGreetings: [CustomGreetingRef], preference: LanguagePreference,
        productName: String, fraudCode: String
    ) {
        self = PromptLibrary(defaults: defaults, customGreetings: customGreetings, productName: productName, fraudCode: fraudCode)
            .resolver(for: preference)
    }

    /// The same as `library.resolver(for: preference)`.
    public init(library: PromptLibrary, preference: LanguagePreference) {
        self = library.resolver(for: preference)
    }

    init(library: PromptLibrary, prompts: [ResolvedPrompt], extensionScript: LanguageScript?) {
        self.library = library
        self.prompts = prompts
        self.extensionScript = extensionScript
    }

    /// What `type` plays for this user.
    ///
    /// - Parameter extension: for *Extension prompt before digits*, the extension being dialled,
    ///   spoken key by key; ignored for other types and for a custom greeting.
    public func resolve(_ type: MessageType, extension ext: String? = nil) -> ResolvedPrompt {
        if type == .extensionPromptBeforeDigits, let ext, !ext.isEmpty, let script = self.extensionScript {
            let text = script.render(type, productName: self.library.productName, fraudCode: self.library.fraudCode, extension: ext)
            return ResolvedPrompt(
                type: type, language: script.tag.description, source: .default, text: text,
                durationSeconds: SpeechDuration.estimate(text: text, language: script.tag), customReference: nil)
        }
        return self.prompts[type.ordinal]
    }

    /// The default text of `type` in `language` (exact tag, else its primary language) under this
    /// resolver's product name and fraud code, whatever the user's preference; `nil` when no script
    /// of that language exists. For `ivr prompts --language TAG`.
    public func render(_ type: MessageType, language: LanguageTag, extension ext: String? = nil) -> String? {
        self.library.render(type, language: language, extension: ext)
    }
}
