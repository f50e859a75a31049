import Foundation
import GreetingAudio

/// Rendered prompts on disk, in the state directory (SPEC §14): one 8 kHz 16-bit mono WAV per
/// (text, voice, synthesizer version), so a changed text, voice or espeak-ng never reuses stale
/// audio.
///
/// A file is written to a temporary name in the same directory and renamed into place, so a
/// reader (another process, or one killed mid-write) sees a whole file or none. The name is a
/// 128-bit FNV-1a digest of the key (two 64-bit halves with different offset bases): stable
/// across processes and Swift versions, unlike `hashValue`.
public struct PromptAudioCache: Sendable {
    public let directory: URL

    /// The cache inside `stateDirectory` (`prompt-audio/`).
    public init(stateDirectory: URL) {
        self.directory = stateDirectory.appendingPathComponent("prompt-audio", isDirectory: true)
    }

    /// The file that holds (or would hold) the audio for this key.
    public func file(text: String, voice: SpeechVoice, version: String) -> URL {
        let key = Array("\(version)\u{0}\(voice.name)\u{0}\(text)".utf8)
        let name = Self.hex(Self.fnv1a(key, basis: 0xcbf2_9ce4_8422_2325)) + Self.hex(Self.fnv1a(key, basis: 0x6c62_272e_07bb_0142))
        return self.directory.appendingPathComponent(name + ".wav")
    }

    /// The cached audio, or `nil` when there is none (or it cannot be read: it is then rendered again).
    public func load(text: String, voice: SpeechVoice, version: String) -> TelephoneAudio? {
        let url = self.file(text: text, voice: voice, version: version)
        guard FileManager.default.fileExists(atPath: url.path),
              let decoded = try? AudioDecoder.decode(fileAt: url.path),
              decoded.sampleRate == TelephoneAudio.sampleRate
        else { return nil }
        return TelephoneAudio(samples: decoded.samples.map { Int16(clamping: Int(($0 * 32_768).rounded())) })
    }

    /// Stores `audio` atomically (temporary file + rename).
    public func store(_ audio: TelephoneAudio, text: String, voice: SpeechVoice, version: String) throws(PromptAudioError) {
        let url = self.file(text: text, voice: voice, version: version)
        let temporary = self.directory.appendingPathComponent(".\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
            try WAVWriter.write16(path: temporary.path, samples: audio.samples, channels: 1, sampleRate: TelephoneAudio.sampleRate)
            guard rename(temporary.path, url.path) == 0 else {
                throw PromptAudioError.file("cannot move rendered audio into \(url.path): \(String(cString: strerror(errno)))")
            }
        } catch let error as PromptAudioError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw PromptAudioError.file("cannot write the render cache in \(self.directory.path): \(error)")
        }
    }

    private static func fnv1a(_ bytes: [UInt8], basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
