import Foundation
import VoiceCall

/// Where a live call gets the sound of a prompt: 8 kHz, 16-bit, mono samples.
///
/// The call fetches every prompt it may play before it dials, on the caller's thread, so rendering
/// (speech synthesis, decoding a custom greeting) never stalls the media loop. Implementations
/// should cache: many calls play the same prompts, and arrays are shared, not copied.
public protocol PromptSamples: Sendable {
    func samples(for type: MessageType) throws -> [Int16]
}

/// A stand-in voice: a soft 440 Hz tone as long as the prompt would speak.
///
/// Used until speech rendering is wired in, and by tests that care about the call flow rather
/// than the words. Thread-safe; each duration is rendered once.
public final class ToneSamples: PromptSamples, @unchecked Sendable {
    private let seconds: @Sendable (MessageType) -> Double
    private let lock = NSLock()
    private var cache: [MessageType: [Int16]] = [:]

    /// - Parameter seconds: how long each prompt plays (its text's estimated speaking time).
    public init(seconds: @escaping @Sendable (MessageType) -> Double) {
        self.seconds = seconds
    }

    public func samples(for type: MessageType) -> [Int16] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[type] { return cached }
        let count = max(0, Int((seconds(type) * 8000).rounded()))
        let samples = (0..<count).map { index in
            Int16(4000 * sin(2 * Double.pi * 440 * Double(index) / 8000))
        }
        cache[type] = samples
        return samples
    }
}
