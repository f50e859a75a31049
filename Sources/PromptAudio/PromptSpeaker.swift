import Foundation
import VoiceCall

/// Default prompts as sound: the text (with kana readings for Japanese) spoken by espeak-ng,
/// resampled to the telephone band, kept in the render cache.
///
/// One per process. It remembers each prompt's duration once known, so a batch of thousands of
/// calls reads the cache once per distinct text. Thread-safe (a lock guards the memo).
public final class PromptSpeaker: @unchecked Sendable {
    public let synthesizer: Espeak
    public let cache: PromptAudioCache
    private let readings: KanaReadings
    private let lock = NSLock()
    private var durations: [String: Double] = [:]
    /// Texts this speaker had espeak-ng speak (not found in the cache), for `ivr prompts render`.
    private var spokenHere: Set<String> = []

    public init(synthesizer: Espeak, cache: PromptAudioCache, readings: KanaReadings = .shipped) {
        self.synthesizer = synthesizer
        self.cache = cache
        self.readings = readings
    }

    /// The speaker for `stateDirectory`, or `nil` when espeak-ng is not installed.
    public static func installed(stateDirectory: URL) -> PromptSpeaker? {
        Espeak.installed().map { PromptSpeaker(synthesizer: $0, cache: PromptAudioCache(stateDirectory: stateDirectory)) }
    }

    /// What espeak-ng is given for `text` in `language`.
    public func speechText(_ text: String, language: LanguageTag) -> String {
        self.readings.speechText(text, language: language)
    }

    /// Whether `text` in `language` is already in the cache.
    public func isCached(_ text: String, language: LanguageTag) throws(PromptAudioError) -> Bool {
        FileManager.default.fileExists(atPath: try self.cacheFile(text, language: language).path)
    }

    /// The cache file that holds `text` spoken in `language`.
    public func cacheFile(_ text: String, language: LanguageTag) throws(PromptAudioError) -> URL {
        self.cache.file(text: self.speechText(text, language: language), voice: try Self.voice(language), version: self.synthesizer.version)
    }

    /// Whether this speaker had espeak-ng speak `text` in `language` (it was not in the cache).
    public func didSpeak(_ text: String, language: LanguageTag) -> Bool {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.spokenHere.contains(Self.memoKey(text, language))
    }

    /// The audio of `text` spoken in `language`: from the cache, else rendered and cached.
    public func audio(_ text: String, language: LanguageTag) throws(PromptAudioError) -> TelephoneAudio {
        let voice = try Self.voice(language)
        let spoken = self.speechText(text, language: language)
        let version = self.synthesizer.version
        if let cached = self.cache.load(text: spoken, voice: voice, version: version) {
            self.remember(cached.durationSeconds, text: text, language: language)
            return cached
        }
        let decoded = try self.synthesizer.speak(spoken, voice: voice)
        let audio = try Resampler.telephone(decoded.samples, sampleRate: decoded.sampleRate)
        try self.cache.store(audio, text: spoken, voice: voice, version: version)
        self.remember(audio.durationSeconds, text: text, language: language)
        self.lock.lock()
        self.spokenHere.insert(Self.memoKey(text, language))
        self.lock.unlock()
        return audio
    }

    /// How long `text` lasts spoken in `language`, rendering it when it is not cached; `nil` when
    /// it cannot be rendered (the caller then falls back to the estimate).
    public func durationSeconds(_ text: String, language: LanguageTag) -> Double? {
        let key = Self.memoKey(text, language)
        self.lock.lock()
        let known = self.durations[key]
        self.lock.unlock()
        if let known { return known }
        return try? self.audio(text, language: language).durationSeconds
    }

    private func remember(_ seconds: Double, text: String, language: LanguageTag) {
        self.lock.lock()
        self.durations[Self.memoKey(text, language)] = seconds
        self.lock.unlock()
    }

    private static func memoKey(_ text: String, _ language: LanguageTag) -> String { "\(language)\u{0}\(text)" }

    private static func voice(_ language: LanguageTag) throws(PromptAudioError) -> SpeechVoice {
        guard let voice = SpeechVoice(for: language) else { throw PromptAudioError.noVoice(language.description) }
        return voice
    }
}

extension PromptSpeaker: SpokenDurations {
    public func durationSeconds(of text: String, language: LanguageTag) -> Double? {
        self.durationSeconds(text, language: language)
    }
}
