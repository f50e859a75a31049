/// A setting value that was refused, with a message an administrator can act on.
///
/// The message always names the key and what it accepts; the CLI prints it and exits 1 (SPEC §10).
public struct SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable for tests and `--json`.
    public enum Code: String, Sendable, Hashable, Codable {
        /// The key is not one of `SettingKey.allCases`.
        case unknownKey = "unknown_key"
        /// The value is outside what the key accepts.
        case invalidValue = "invalid_value"
    }

    public let code: Code
    /// The key as the caller spelled it.
    public let key: String
    public let message: String

    public init(code: Code, key: String, message: String) {
        self.code = code
        self.key = key
        self.message = message
    }

    public var description: String { self.message }

    static func unknownKey(_ key: String) -> SettingsError {
        let known = SettingKey.allCases.map(\.name).joined(separator: ", ")
        return SettingsError(
            code: .unknownKey, key: key,
            message: "unknown setting '\(Settings.printable(key))'; the settings are: \(known)")
    }

    static func invalid(_ key: SettingKey, _ value: String, reason: String? = nil) -> SettingsError {
        var message = "\(key.name): '\(Settings.printable(value))' is not valid"
        if let reason { message += " (\(reason))" }
        message += "; allowed: \(key.allowedValues)"
        return SettingsError(code: .invalidValue, key: key.name, message: message)
    }
}
