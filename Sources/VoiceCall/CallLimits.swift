/// The timers and limits of one call (SPEC §2), in seconds where they are durations.
///
/// The admin sets them through `call.*` settings. Range checks live in the settings model, so a
/// `CallLimits` value is taken as given.
public struct CallLimits: Sendable, Equatable, Codable {
    /// How long the phone may ring before the call counts as not answered.
    public var ringTimeout: Double
    /// How long the engine waits for a first key after a collecting prompt has finished.
    public var responseTimeout: Double
    /// How long the engine waits for the next key once an entry has begun.
    public var interDigitTimeout: Double
    /// Attempts per call, and separately per extension step.
    public var attempts: Int
    /// The longest entry; one key more makes the entry invalid at once.
    public var maxDigits: Int

    /// The SPEC's defaults, which live in one place: `Settings`' defaults.
    public init() {
        self = Settings().callLimits
    }

    public init(ringTimeout: Double, responseTimeout: Double, interDigitTimeout: Double, attempts: Int, maxDigits: Int) {
        self.ringTimeout = ringTimeout
        self.responseTimeout = responseTimeout
        self.interDigitTimeout = interDigitTimeout
        self.attempts = attempts
        self.maxDigits = maxDigits
    }

    /// How long sending one extension digit takes: a 100 ms tone and a 100 ms gap (SPEC §2).
    public static let extensionDigitDuration = 0.2
}

extension Settings {
    /// The `call.*` settings as the state machine takes them.
    public var callLimits: CallLimits {
        CallLimits(
            ringTimeout: Double(ringTimeout), responseTimeout: Double(responseTimeout),
            interDigitTimeout: Double(interDigitTimeout), attempts: attempts, maxDigits: maxDigits)
    }
}
