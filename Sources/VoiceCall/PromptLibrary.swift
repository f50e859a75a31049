/// Every prompt the engine can play under the current settings: the default scripts rendered in
/// every language with the configured product name and fraud code, and the custom greetings,
/// indexed for lookup by exact tag and by primary language.
///
/// Build it once per settings/catalog change and derive a cheap `PromptResolver` per call with
/// `resolver(for:)`: that does a handful of dictionary lookups and copies no text, which is what
/// keeps per-call prompt resolution within the SPEC §12 budget. (`PromptResolver`'s all-in-one
/// initialiser builds a library each time, which is fine for one call but not for thousands.)
public struct PromptLibrary: Sendable {
    /// Everything, in one immutable box: a resolver made for every call shares it with a single
    /// reference count instead of copying a dozen collections (which showed up as most of the
    /// cost of `resolver(for:)`).
    let storage: Storage

    public var defaults: DefaultScripts { self.storage.defaults }
    public var productName: String { self.storage.productName }
    public var fraudCode: String { self.storage.fraudCode }

    /// One language's default prompts, rendered (18, by `MessageType.ordinal`).
    final class RenderedLanguage: Sendable {
        let script: LanguageScript
        let prompts: [ResolvedPrompt]

        init(script: LanguageScript, prompts: [ResolvedPrompt]) {
            self.script = script
            self.prompts = prompts
        }
    }

    final class Storage: Sendable {
        let defaults: DefaultScripts
        let productName: String
        let fraudCode: String
        let rendered: [LanguageTag: RenderedLanguage]
        let renderedByPrimary: [String: [LanguageTag]]
        let fallback: RenderedLanguage
        /// Custom greetings as played prompts, by `MessageType.ordinal`, then by exact tag.
        let customs: [[LanguageTag: ResolvedPrompt]]
        let customsByPrimary: [[String: [LanguageTag]]]
        /// The ordinals of the types that have at least one custom greeting.
        let customTypes: [Int]
        /// Spoken durations of default prompts (SPEC §14); `nil`: estimates only.
        let spoken: (any SpokenDurations)?

        init(
            defaults: DefaultScripts, productName: String, fraudCode: String, rendered: [LanguageTag: RenderedLanguage],
            customs: [[LanguageTag: ResolvedPrompt]], spoken: (any SpokenDurations)?
        ) {
            self.defaults = defaults
            self.productName = productName
            self.fraudCode = fraudCode
            self.rendered = rendered
            self.renderedByPrimary = PromptLibrary.byPrimary(rendered.keys)
            // DefaultScripts refuses to exist without en-US.
            self.fallback = rendered[.englishUS]!
            self.customs = customs
            self.customsByPrimary = customs.map { PromptLibrary.byPrimary($0.keys) }
            self.customTypes = customs.indices.filter { !customs[$0].isEmpty }
            self.spoken = spoken
        }
    }

    /// Renders every default prompt and indexes the custom greetings.
    ///
    /// - Parameters:
    ///   - customGreetings: the catalog; for two greetings of the same type and tag, the later wins.
    ///   - productName: the `product-name` setting (`DefaultScripts.defaultProductName` lets every
    ///     language speak its own translation).
    ///   - fraudCode: the configured fraud code, spoken by the default fraud greetings.
    ///   - spoken: when given, a default prompt lasts as long as its spoken audio (looked up when a
    ///     resolver resolves it, so only the prompts a call uses are ever rendered); else the estimate.
    public init(
        defaults: DefaultScripts, customGreetings: [CustomGreetingRef], productName: String, fraudCode: String,
        spoken: (any SpokenDurations)? = nil
    ) {
        var rendered: [LanguageTag: RenderedLanguage] = [:]
        for (tag, script) in defaults.scripts {
            let prompts = MessageType.allCases.map { type in
                let text = script.render(type, productName: productName, fraudCode: fraudCode, extension: nil)
                return ResolvedPrompt(
                    type: type, language: tag, source: .default, text: text,
                    durationSeconds: SpeechDuration.estimate(text: text, language: tag), customReference: nil)
            }
            rendered[tag] = RenderedLanguage(script: script, prompts: prompts)
        }

        var customs = [[LanguageTag: ResolvedPrompt]](repeating: [:], count: MessageType.allCases.count)
        for greeting in customGreetings {
            customs[greeting.type.ordinal][greeting.language] = ResolvedPrompt(
                type: greeting.type, language: greeting.language, source: .custom, text: nil,
                durationSeconds: greeting.durationSeconds, customReference: greeting.reference)
        }
        self.storage = Storage(
            defaults: defaults, productName: productName, fraudCode: fraudCode, rendered: rendered, customs: customs, spoken: spoken)
    }

    init(storage: Storage) {
        self.storage = storage
    }

    /// The prompts `preference` hears, resolved for every type at once (SPEC §3).
    public func resolver(for preference: LanguagePreference) -> PromptResolver {
        let storage = self.storage
        let tags = preference.tags
        let excluded = Set(preference.excluded)

        // Every default script has all 18 types, so the default language is the same for every
        // type: the first tag with a default script of its own tag or its primary language.
        var language = storage.fallback
        var defaultTagIndex = tags.count - 1
        for (index, tag) in tags.enumerated() {
            if let hit = Self.match(tag, in: storage.rendered, byPrimary: storage.renderedByPrimary, excluding: excluded) {
                language = hit
                defaultTagIndex = index
                break
            }
        }
        // A custom greeting wins when it matches a tag at or before the one that chose the default
        // (at that tag, custom is tried before default). Kept apart from the shared default array
        // so that no per-call copy of it is made.
        var overrides: [ResolvedPrompt] = []
        if defaultTagIndex >= 0 {
            for ordinal in storage.customTypes {
                for tag in tags[...defaultTagIndex] {
                    if let hit = Self.match(tag, in: storage.customs[ordinal], byPrimary: storage.customsByPrimary[ordinal], excluding: excluded) {
                        overrides.append(hit)
                        break
                    }
                }
            }
        }
        return PromptResolver(storage: storage, language: language, overrides: overrides)
    }

    /// The text of `type` in `language` under these settings: the default script of exactly that
    /// tag, else of its primary language (`de-AT` → `de-DE`); `nil` when neither exists. For
    /// `ivr prompts --language TAG`.
    public func render(_ type: MessageType, language: LanguageTag, extension ext: String? = nil) -> String? {
        guard let hit = Self.match(language, in: self.storage.rendered, byPrimary: self.storage.renderedByPrimary, excluding: []) else {
            return nil
        }
        if type == .extensionPromptBeforeDigits, let ext {
            return hit.script.render(type, productName: self.productName, fraudCode: self.fraudCode, extension: ext)
        }
        return hit.prompts[type.ordinal].text
    }

    // MARK: - Matching

    /// `tag` exactly, else a tag of the same primary language that is not excluded.
    static func match<Value>(
        _ tag: LanguageTag, in exact: [LanguageTag: Value], byPrimary: [String: [LanguageTag]], excluding excluded: Set<LanguageTag>
    ) -> Value? {
        if let hit = exact[tag] { return hit }
        guard let candidates = byPrimary[tag.primary] else { return nil }
        for candidate in candidates where !excluded.contains(candidate) {
            return exact[candidate]
        }
        return nil
    }

    /// Tags grouped by primary language. Within a group, the bare primary tag (`de`) comes first,
    /// then the others in tag order, so the choice among several `de-*` never depends on the
    /// order of a catalog.
    fileprivate static func byPrimary(_ tags: some Sequence<LanguageTag>) -> [String: [LanguageTag]] {
        var groups: [String: [LanguageTag]] = [:]
        for tag in tags { groups[tag.primary, default: []].append(tag) }
        for key in groups.keys {
            groups[key]!.sort { lhs, rhs in
                let lhsBare = lhs.description.utf8.count == lhs.primary.utf8.count
                let rhsBare = rhs.description.utf8.count == rhs.primary.utf8.count
                return lhsBare != rhsBare ? lhsBare : lhs < rhs
            }
        }
        return groups
    }
}
