import Foundation
import PromptAudio
import VerificationStore
import VoiceCall

/// Whether calls time default prompts by their spoken audio (SPEC §14).
public enum PromptTiming: Sendable {
    /// With espeak-ng installed, a default prompt lasts as long as its audio; a prompt not yet in
    /// the render cache is rendered (and cached) the first time a call needs it. Without
    /// espeak-ng, the words-per-minute estimate.
    case audioWhenInstalled
    /// Always the estimate (tests that pin exact estimated times).
    case estimate

    func speaker(stateDirectory: URL) -> PromptSpeaker? {
        switch self {
        case .audioWhenInstalled: PromptSpeaker.installed(stateDirectory: stateDirectory)
        case .estimate: nil
        }
    }
}

/// The engine's prompt speaker, looked up once, on first use: finding espeak-ng runs
/// `espeak-ng --version`, which `ivr settings show` or `ivr log` need not pay for.
final class PromptSpeakerSlot: @unchecked Sendable {
    private let timing: PromptTiming
    private let stateDirectory: URL
    private let lock = NSLock()
    private var found: PromptSpeaker??

    init(timing: PromptTiming, stateDirectory: URL) {
        self.timing = timing
        self.stateDirectory = stateDirectory
    }

    var speaker: PromptSpeaker? {
        lock.lock()
        defer { lock.unlock() }
        if let found { return found }
        let speaker = timing.speaker(stateDirectory: stateDirectory)
        found = .some(speaker)
        return speaker
    }
}

extension VerificationEngine {
    /// Speaks default prompts (espeak-ng + render cache); `nil` when not installed or not wanted:
    /// prompts then last their estimated time (SPEC §14).
    public var speaker: PromptSpeaker? { speakerSlot.speaker }
}

extension VerificationSession {
    /// One prompt as `ivr prompts render` reports it.
    public struct RenderedPrompt: Sendable, Encodable {
        public var type: String
        public var language: String
        public var source: String
        public var durationSeconds: Double
        /// `rendered` (espeak-ng spoke it in this run), `cached` (it was already in the cache) or
        /// `decoded` (a custom greeting).
        public var status: String
        /// The cache file name of a default prompt; `nil` for a custom greeting.
        public var file: String?
    }

    /// The engine's prompt speaker; `nil` without espeak-ng (or with `PromptTiming.estimate`).
    public var speaker: PromptSpeaker? { engine.speaker }

    /// The prompt speaker, or the error that names the package to install.
    public func requireSpeaker() throws(PromptAudioError) -> PromptSpeaker {
        guard let speaker else { throw PromptAudioError.synthesizerMissing }
        return speaker
    }

    /// The languages `ivr prompts render` fills without `--language`: every default script's
    /// language and every language with a custom greeting (SPEC §14).
    public func renderLanguages() throws -> [LanguageTag] {
        let defaults = engine.defaults.languages
        let customs = try store.greetings().map(\.language)
        return Array(Set(defaults + customs)).sorted()
    }

    /// Fills the render cache with every prompt `language` resolves to (custom greetings are
    /// decoded, which proves they play).
    public func renderPrompts(language: LanguageTag) throws -> [RenderedPrompt] {
        let speaker = try requireSpeaker()
        let resolver = try promptResolver(for: LanguagePreference([language]))
        return try MessageType.allCases.map { type in
            let prompt = resolver.resolve(type)
            let audio = try audio(of: prompt)
            var status = "decoded"
            var file: String?
            if prompt.source == .default, let text = prompt.text {
                status = speaker.didSpeak(text, language: prompt.language) ? "rendered" : "cached"
                file = try speaker.cacheFile(text, language: prompt.language).lastPathComponent
            }
            return RenderedPrompt(
                type: type.id, language: prompt.language.description, source: prompt.source.rawValue, durationSeconds: audio.durationSeconds,
                status: status, file: file)
        }
    }

    /// What `type` sounds like for `languages` (a custom greeting when one applies), as the
    /// 16-bit audio before G.711 coding (`ivr prompts play`).
    public func promptAudio(
        _ type: MessageType, languages: LanguagePreference, extension ext: String?
    ) throws -> (prompt: ResolvedPrompt, audio: TelephoneAudio) {
        _ = try requireSpeaker()
        let prompt = try promptResolver(for: languages).resolve(type, extension: ext)
        return (prompt, try audio(of: prompt))
    }

    /// The audio of a resolved prompt: the decoded custom greeting, or the spoken default text.
    public func audio(of prompt: ResolvedPrompt) throws -> TelephoneAudio {
        switch prompt.source {
        case .custom:
            guard let record = try store.greetings().first(where: { $0.fileName == prompt.customReference }) else {
                throw PromptAudioError.file("the custom greeting \(prompt.type.id) [\(prompt.language)] is no longer stored")
            }
            return try TelephoneAudio.greeting(fileAt: store.greetingFileURL(record).path)
        case .default:
            let speaker = try requireSpeaker()
            return try speaker.audio(prompt.text ?? "", language: prompt.language)
        }
    }

    /// The stereo recording of a call `run` returned (SPEC §14), or `nil` when it was not answered.
    public func recording(of report: CallReport) throws -> CallAudioRecording? {
        var decoded: [MessageType: TelephoneAudio] = [:]
        return try CallAudioRecording.make(
            transcript: report.transcript, durationSeconds: report.durationSeconds, method: report.method
        ) { (type: MessageType) throws(PromptAudioError) -> TelephoneAudio in
            if let known = decoded[type] { return known }
            do {
                let sound = try self.audio(of: report.promptSet[type])
                decoded[type] = sound
                return sound
            } catch let error as PromptAudioError {
                throw error
            } catch {
                throw PromptAudioError.file("\(error)")
            }
        }
    }
}
