/// The limits a custom greeting must stay within (SPEC §4).
///
/// A long greeting makes the verification call time out, so the limits exist for the call's sake:
/// at most `maxBytes` bytes, and strictly shorter than `maxDuration` seconds.
public struct GreetingLimits: Sendable {
    /// 1 MiB and shorter than 20 s.
    public static let standard = GreetingLimits()

    /// The largest accepted file, in bytes (inclusive).
    public var maxBytes = 1_048_576
    /// The duration a greeting must stay below, in seconds (exclusive: exactly 20.000 s is refused).
    public var maxDuration = 20.0

    public init(maxBytes: Int = 1_048_576, maxDuration: Double = 20.0) {
        self.maxBytes = maxBytes
        self.maxDuration = maxDuration
    }
}
