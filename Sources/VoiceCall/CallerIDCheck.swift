/// The verdict on one proposed caller ID, as `ivr caller-id check --json` prints it (SPEC §10:
/// keys `input`, `valid`, `e164`, `reason`).
public struct CallerIDCheck: Sendable, Equatable, Codable {
    /// The text as given, untouched.
    public let input: String
    /// Whether the number is acceptable as a caller ID (a US-based NANP number, SPEC §6).
    public let valid: Bool
    /// The number in E.164 form ("+18665394191") when valid; nil when refused.
    public let e164: String?
    /// Why the number is refused, as one sentence; nil when valid.
    public let reason: String?

    /// Creates a verdict. `CallerID.check(_:)` is the one place that decides; this is public so
    /// that callers can build expected values in their tests.
    public init(input: String, valid: Bool, e164: String?, reason: String?) {
        self.input = input
        self.valid = valid
        self.e164 = e164
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case input, valid, e164, reason
    }

    /// Writes all four keys, `null` included: the JSON contract names the keys, so a consumer
    /// must find `"reason": null` on a valid number rather than a missing key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.input, forKey: .input)
        try container.encode(self.valid, forKey: .valid)
        try container.encode(self.e164, forKey: .e164)
        try container.encode(self.reason, forKey: .reason)
    }
}
