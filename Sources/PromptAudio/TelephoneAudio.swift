/// Sound in the telephone band: 8 kHz, 16-bit, mono (SPEC §14). Every prompt, rendered or
/// uploaded, is brought to this form before it is played, measured or recorded.
public struct TelephoneAudio: Sendable, Equatable {
    /// Samples a second.
    public static let sampleRate = 8_000
    /// Samples in one millisecond: call times are kept on a millisecond grid, so prompt audio is
    /// padded to a whole number of milliseconds and its duration is exact.
    public static let samplesPerMillisecond = 8

    public var samples: [Int16]

    public init(samples: [Int16]) {
        self.samples = samples
    }

    /// Length in seconds (exact for audio on the millisecond grid).
    public var durationSeconds: Double { Double(self.samples.count) / Double(Self.sampleRate) }

    /// The same audio padded with silence to a whole number of milliseconds.
    public func paddedToMilliseconds() -> TelephoneAudio {
        let remainder = self.samples.count % Self.samplesPerMillisecond
        guard remainder != 0 else { return self }
        return TelephoneAudio(samples: self.samples + [Int16](repeating: 0, count: Self.samplesPerMillisecond - remainder))
    }

    /// Root-mean-square level relative to full scale (0 = silence, 1 = a full-scale square wave).
    public var rmsLevel: Double {
        guard !self.samples.isEmpty else { return 0 }
        var sum = 0.0
        for sample in self.samples {
            let value = Double(sample) / 32_768
            sum += value * value
        }
        return (sum / Double(self.samples.count)).squareRoot()
    }
}
