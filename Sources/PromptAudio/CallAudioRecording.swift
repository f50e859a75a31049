import GreetingAudio
import VoiceCall

/// One answered call as a stereo sound file (named apart from VoiceCall's `CallRecording`, what the
/// call did; SPEC §14, `ivr call --audio DIR`): 8 kHz 16-bit,
/// left = what the engine played, right = the callee's keys, from the answer to the hang-up.
///
/// It is built from the call's typed transcript alone (the same times `ivr call --json` prints):
/// - a prompt starts at its `play` time and stops at its `interrupted` time (barge-in, hang-up)
///   or when its audio ends;
/// - extension digits are DTMF tones of 100 ms each followed by 100 ms of silence, from the
///   `send-digits` time;
/// - a key fills its 0.3 s press, ending at its `key` time, as its Q.23 pair; on a PIN call every
///   key but `#` is a plain 1 kHz beep, so no recording reveals a PIN;
/// - silence elsewhere. The length is the call's duration less the time before the answer.
public struct CallAudioRecording: Sendable, Equatable {
    public var left: [Int16]
    public var right: [Int16]

    /// Seconds a key press lasts (the simulator's press time): its tone fills it.
    public static let keyPressSeconds = 0.3
    /// Extension digits: each a 100 ms tone and a 100 ms gap (SPEC §2).
    public static let digitToneSeconds = 0.1
    public static let digitGapSeconds = 0.1

    /// Builds the recording of one call, or `nil` when it was never answered.
    ///
    /// - Parameters:
    ///   - transcript: the call's transcript, in order.
    ///   - durationSeconds: dial to hang-up (`ivr call --json`'s `durationSeconds`).
    ///   - method: the call's method; on a PIN call every key but `#` is recorded as a beep.
    ///   - promptAudio: the audio of each prompt type as this call resolved it.
    public static func make(
        transcript: [TranscriptEntry], durationSeconds: Double, method: VerificationMethod,
        promptAudio: (MessageType) throws(PromptAudioError) -> TelephoneAudio
    ) throws(PromptAudioError) -> CallAudioRecording? {
        guard let answer = transcript.first(where: { $0.event == .answered })?.time else { return nil }
        let length = Self.sample(durationSeconds - answer)
        var recording = CallAudioRecording(left: [Int16](repeating: 0, count: length), right: [Int16](repeating: 0, count: length))

        for (index, entry) in transcript.enumerated() {
            let start = Self.sample(entry.time - answer)
            switch entry.event {
            case .play(let type):
                // It plays until interrupted; the next `interrupted` of this type after it is its end.
                let end = transcript[(index + 1)...].first { $0.event == .interrupted(type) }.map { Self.sample($0.time - answer) } ?? length
                let audio = try promptAudio(type)
                recording.left.overlay(audio.samples.prefix(max(0, end - start)), at: start)
            case .sentDigits(let digits):
                for (offset, digit) in digits.map(\.character).enumerated() {
                    guard let pair = DTMFTone.frequencies(of: digit) else { continue }
                    let toneStart = start + offset * Self.sample(digitToneSeconds + digitGapSeconds)
                    recording.left.overlay(DTMFTone.samples([pair.low, pair.high], count: Self.sample(digitToneSeconds))[...], at: toneStart)
                }
            case .key(let shown, _):
                let press = Self.sample(keyPressSeconds)
                let frequencies: [Double]
                switch shown {
                case .key(let key) where !(method.isPIN && !key.isPound):
                    if let pair = DTMFTone.frequencies(of: key.character) {
                        frequencies = [pair.low, pair.high]
                    } else {
                        frequencies = [DTMFTone.maskFrequency]
                    }
                case .key, .masked:
                    frequencies = [DTMFTone.maskFrequency]
                }
                recording.right.overlay(DTMFTone.samples(frequencies, count: press)[...], at: start - press)
            case .dial, .answered, .interrupted, .timerStarted, .timerExpired, .entry, .denial, .fraudReported, .hangUp,
                .result, .ignoredAction:
                break
            }
        }
        return recording
    }

    /// Frames (one sample per channel).
    public var frames: Int { self.left.count }
    public var durationSeconds: Double { Double(self.frames) / Double(TelephoneAudio.sampleRate) }

    /// Writes the recording as an 8 kHz 16-bit stereo WAV file.
    public func write(to path: String) throws(PromptAudioError) {
        var interleaved = [Int16](repeating: 0, count: self.frames * 2)
        for index in 0..<self.frames {
            interleaved[2 * index] = self.left[index]
            interleaved[2 * index + 1] = self.right[index]
        }
        do {
            try WAVWriter.write16(path: path, samples: interleaved, channels: 2, sampleRate: TelephoneAudio.sampleRate)
        } catch {
            throw PromptAudioError.file("cannot write \(path): \(error.message)")
        }
    }

    /// Seconds → samples at 8 kHz (call times are on a millisecond grid, so this is exact).
    static func sample(_ seconds: Double) -> Int { Int((seconds * Double(TelephoneAudio.sampleRate)).rounded()) }
}

extension Array where Element == Int16 {
    /// Copies `samples` in from `start`, clipped to this buffer's bounds.
    fileprivate mutating func overlay(_ samples: ArraySlice<Int16>, at start: Int) {
        for (offset, sample) in samples.enumerated() {
            let index = start + offset
            guard index >= 0 else { continue }
            guard index < self.count else { return }
            self[index] = sample
        }
    }
}
