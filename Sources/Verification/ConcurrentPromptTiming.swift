import Dispatch
import Foundation
import PromptAudio
import VoiceCall

/// A prompt speaker's durations with at most one render of a text at a time.
///
/// Timing a default prompt the render cache lacks runs espeak-ng and resamples its audio (tens of
/// milliseconds each). ``PromptSet/resolvedConcurrently(by:extension:)`` times the 18 prompts of a
/// call on every core; several types share a text (the standard greeting and its retry), and
/// without this a second thread would render the same text again instead of waiting for the first.
final class SingleFlightDurations: SpokenDurations, @unchecked Sendable {
    private let speaker: PromptSpeaker
    private let condition = NSCondition()
    /// The texts being rendered now, by `language NUL text`.
    private var rendering: Set<String> = []

    init(_ speaker: PromptSpeaker) {
        self.speaker = speaker
    }

    func durationSeconds(of text: String, language: LanguageTag) -> Double? {
        let key = "\(language)\u{0}\(text)"
        condition.lock()
        while rendering.contains(key) { condition.wait() }
        rendering.insert(key)
        condition.unlock()
        defer {
            condition.lock()
            rendering.remove(key)
            condition.broadcast()
            condition.unlock()
        }
        // Once one thread has rendered it, the speaker's own memo answers the others at once.
        return speaker.durationSeconds(of: text, language: language)
    }
}

extension PromptSet {
    /// Every prompt of a call resolved on all cores at once.
    ///
    /// The first call of a batch on a new state directory renders every default prompt it may play
    /// (espeak-ng, then resampling); done one after the other that was a fixed half second before
    /// the first call could start. Later resolutions find every duration in the speaker's memo.
    static func resolvedConcurrently(by resolver: PromptResolver, extension ext: String?) -> PromptSet {
        let types = MessageType.allCases
        let slots = UnsafeMutableBufferPointer<ResolvedPrompt?>.allocate(capacity: types.count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        // Each iteration writes its own slot only.
        nonisolated(unsafe) let shared = slots
        DispatchQueue.concurrentPerform(iterations: types.count) { index in
            shared[index] = resolver.resolve(types[index], extension: ext)
        }
        let byType = Dictionary(uniqueKeysWithValues: zip(types, slots))
        return PromptSet { type in byType[type].flatMap { $0 } ?? resolver.resolve(type, extension: ext) }
    }
}
