import VoiceCall

/// A checked token ready to store: whose it is, its serial, its secret and how it counts.
///
/// Its `description` never shows the secret, so printing one by mistake leaks nothing.
public struct TokenSeed: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let user: UserName
    public let serial: String
    /// The decoded Base32 secret (the HMAC key). Keep it in memory only as long as needed.
    public let secret: [UInt8]
    public let interval: TokenInterval
    public let manufacturer: String
    public let model: String

    public init(user: UserName, serial: String, secret: [UInt8], interval: TokenInterval, manufacturer: String, model: String) {
        self.user = user
        self.serial = serial
        self.secret = secret
        self.interval = interval
        self.manufacturer = manufacturer
        self.model = model
    }

    public var description: String {
        "token \(serial) of \(user) (\(manufacturer) \(model), \(interval.seconds) s, secret hidden)"
    }

    public var debugDescription: String { description }
}
