/// How long one TOTP code lasts: 30 or 60 seconds, the two values hardware tokens ship with (SPEC §9).
public enum TokenInterval: Int, Sendable, Hashable, Codable, CaseIterable {
    case seconds30 = 30
    case seconds60 = 60

    /// The interval for a CSV `time interval` cell or a stored value; nil for anything but 30 or 60.
    public init?(seconds: Int) { self.init(rawValue: seconds) }

    /// The length in seconds.
    public var seconds: Int { rawValue }
}
