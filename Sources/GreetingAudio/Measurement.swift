/// What decoding established about a file's audio.
struct Measurement: Equatable {
    /// Seconds of audio the bytes hold (see `GreetingReport.durationSeconds`); `nil` when none.
    var seconds: Double?
    /// `true` when `seconds` is only a lower bound (decoding failed part way).
    var partial = false
    /// Problems found while measuring (truncation, decoder errors, …); the length limit is
    /// checked by the validator, not here.
    var problems: [GreetingProblem] = []
}
