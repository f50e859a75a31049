/// One prompt as it will be played, with the language choice recorded (SPEC §3, §7: each prompt
/// played is logged with its type, language and whether it was custom or default).
public struct ResolvedPrompt: Sendable, Equatable {
    public let type: MessageType
    /// The canonical tag of what is played: the custom greeting's tag, or the default script's tag.
    public let language: LanguageTag
    public let source: PromptSource
    /// The rendered default text; `nil` for a custom greeting.
    public let text: String?
    /// Custom: the greeting's decoded duration. Default: its spoken audio's duration when a
    /// synthesizer is installed, else `SpeechDuration.estimate` of `text` (SPEC §14).
    public let durationSeconds: Double
    /// The store's reference to the custom greeting's audio; `nil` for a default prompt.
    public let customReference: String?
    /// Whether `durationSeconds` is the audio's length or the estimate (`ivr prompts --json`).
    public let durationSource: DurationSource

    /// - Parameter durationSource: `nil` means a custom greeting's is `.audio` and a default
    ///   prompt's `.estimate`.
    public init(
        type: MessageType, language: LanguageTag, source: PromptSource, text: String?, durationSeconds: Double,
        customReference: String?, durationSource: DurationSource? = nil
    ) {
        self.type = type
        self.language = language
        self.source = source
        self.text = text
        self.durationSeconds = durationSeconds
        self.customReference = customReference
        self.durationSource = durationSource ?? (source == .custom ? .audio : .estimate)
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
    private let storage: PromptLibrary.Storage
    /// The default language chosen for this user, with its 18 rendered prompts.
    private let language: PromptLibrary.RenderedLanguage
    /// The custom greetings this user hears instead (at most one per type; usually none).
    private let overrides: [ResolvedPrompt]

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

    init(storage: PromptLibrary.Storage, language: PromptLibrary.RenderedLanguage, overrides: [ResolvedPrompt]) {
        self.storage = storage
        self.language = language
        self.overrides = overrides
    }

    /// What `type` plays for this user.
    ///
    /// - Parameter extension: for *Extension prompt before digits*, the extension being dialled,
    ///   spoken key by key; ignored for other types and for a custom greeting.
    public func resolve(_ type: MessageType, extension ext: String? = nil) -> ResolvedPrompt {
        self.resolveText(type, extension: ext).timed(by: self.storage.spoken)
    }

    private func resolveText(_ type: MessageType, extension ext: String?) -> ResolvedPrompt {
        for prompt in self.overrides where prompt.type == type { return prompt }
        if type == .extensionPromptBeforeDigits, let ext, !ext.isEmpty {
            let script = self.language.script
            let text = script.render(type, productName: self.storage.productName, fraudCode: self.storage.fraudCode, extension: ext)
            return ResolvedPrompt(
                type: type, language: script.tag, source: .default, text: text,
                durationSeconds: SpeechDuration.estimate(text: text, language: script.tag), customReference: nil)
        }
        return self.language.prompts[type.ordinal]
    }

    /// The default text of `type` in `language` (exact tag, else its primary language) under this
    /// resolver's product name and fraud code, whatever the user's preference; `nil` when no script
    /// of that language exists. For `ivr prompts --language TAG`.
    public func render(_ type: MessageType, language: LanguageTag, extension ext: String? = nil) -> String? {
        PromptLibrary(storage: self.storage).render(type, language: language, extension: ext)
    }
}
