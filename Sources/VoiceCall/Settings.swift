/// Everything an administrator configures for phone-call verification (SPEC §5, §6, §10).
///
/// A plain value: the store persists it, the service reads it before each call, and the CLI edits it
/// one key at a time through ``set(_:to:callerIDCheck:)``, which validates the value and changes
/// nothing when it refuses one. Timers are whole seconds, lockout windows whole minutes.
public struct Settings: Sendable, Equatable, Codable {
    /// Allow users to submit fraud alerts with the fraud code.
    public var fraudAllow: Bool = true
    /// Block a user for 90 days when they report fraud.
    public var fraudAutoBlock: Bool = true
    /// The keys that report fraud (followed by `#`): 1–8 of `0-9` and `*`.
    public var fraudCode: String = "0"
    /// Denials (wrong PINs) that lock the account.
    public var lockoutDenials: Int = 5
    /// Minutes after the last denial until the denial counter returns to zero.
    public var lockoutResetMinutes: Int = 10
    /// Minutes, counted from the denial that locked it, until the account unlocks by itself.
    public var lockoutUnblockMinutes: Int = 30
    /// The configured caller ID in E.164 (`+18665394191`); `nil` means the default numbers.
    public var callerID: String? = nil
    /// Where fraud notifications are sent; empty means nobody.
    public var notificationEmails: [String] = []
    /// The command that delivers queued mail (`/usr/sbin/sendmail -t`); `nil` leaves mail queued.
    public var notificationCommand: String? = nil
    /// The product name the default prompts speak.
    public var productName: String = Settings.defaultProductName
    /// Seconds to wait for an answer.
    public var ringTimeout: Int = 30
    /// Seconds to wait for the first key after a collecting prompt ends.
    public var responseTimeout: Int = 10
    /// Seconds to wait for the next key once an entry has started.
    public var interDigitTimeout: Int = 5
    /// Attempts per call.
    public var attempts: Int = 3
    /// The longest entry, in keys; a longer one is invalid at once.
    public var maxDigits: Int = 32

    /// The default product name (SPEC §3).
    public static let defaultProductName = "the sign-in verification system"
    /// The longest product name accepted.
    public static let maxProductNameLength = 100

    /// The default settings of SPEC §5 and §10.
    public init() {}

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey {
        case fraudAllow, fraudAutoBlock, fraudCode, lockoutDenials, lockoutResetMinutes, lockoutUnblockMinutes
        case callerID, notificationEmails, notificationCommand, productName
        case ringTimeout, responseTimeout, interDigitTimeout, attempts, maxDigits
    }

    /// Decodes stored settings; a key that is missing (written by an older version) keeps its default,
    /// so adding a setting never makes an existing state directory unreadable.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Settings()
        self.fraudAllow = try c.decodeIfPresent(Bool.self, forKey: .fraudAllow) ?? d.fraudAllow
        self.fraudAutoBlock = try c.decodeIfPresent(Bool.self, forKey: .fraudAutoBlock) ?? d.fraudAutoBlock
        self.fraudCode = try c.decodeIfPresent(String.self, forKey: .fraudCode) ?? d.fraudCode
        self.lockoutDenials = try c.decodeIfPresent(Int.self, forKey: .lockoutDenials) ?? d.lockoutDenials
        self.lockoutResetMinutes =
            try c.decodeIfPresent(Int.self, forKey: .lockoutResetMinutes) ?? d.lockoutResetMinutes
        self.lockoutUnblockMinutes =
            try c.decodeIfPresent(Int.self, forKey: .lockoutUnblockMinutes) ?? d.lockoutUnblockMinutes
        self.callerID = try c.decodeIfPresent(String.self, forKey: .callerID)
        self.notificationEmails = try c.decodeIfPresent([String].self, forKey: .notificationEmails) ?? []
        self.notificationCommand = try c.decodeIfPresent(String.self, forKey: .notificationCommand)
        self.productName = try c.decodeIfPresent(String.self, forKey: .productName) ?? d.productName
        self.ringTimeout = try c.decodeIfPresent(Int.self, forKey: .ringTimeout) ?? d.ringTimeout
        self.responseTimeout = try c.decodeIfPresent(Int.self, forKey: .responseTimeout) ?? d.responseTimeout
        self.interDigitTimeout = try c.decodeIfPresent(Int.self, forKey: .interDigitTimeout) ?? d.interDigitTimeout
        self.attempts = try c.decodeIfPresent(Int.self, forKey: .attempts) ?? d.attempts
        self.maxDigits = try c.decodeIfPresent(Int.self, forKey: .maxDigits) ?? d.maxDigits
    }

    // MARK: - Editing one key

    /// Sets one key from its CLI text, or throws and leaves `self` unchanged.
    ///
    /// - On/off keys accept `on`/`off`, `true`/`false`, `yes`/`no` (any case).
    /// - Integer keys accept plain decimal digits inside the key's range (`SettingKey.integerRange`).
    /// - `caller-id`: `default` clears it; anything else goes to `callerIDCheck`, and the E.164 form
    ///   it returns is stored.
    /// - `notifications.emails`: comma-separated addresses; `none` or an empty value clears the list;
    ///   duplicates (ignoring case) are dropped. Addresses with spaces, line breaks or other characters
    ///   that could inject mail headers are refused.
    /// - `notifications.command`: `none` clears it; otherwise a non-empty single line.
    /// - `product-name`: 1–100 characters after trimming, no control characters.
    ///
    /// Surrounding white space is ignored for every key.
    ///
    /// - Parameters:
    ///   - key: the CLI name (`lockout.denials`).
    ///   - value: the text the administrator typed.
    ///   - callerIDCheck: decides whether a caller ID is acceptable (SPEC §6); injected so this pure
    ///     module does not depend on the number tables. Returns the E.164 form when valid, a reason
    ///     when not.
    /// - Throws: ``SettingsError`` naming the key and what it accepts.
    public mutating func set(
        _ key: String,
        to value: String,
        callerIDCheck: (String) -> (valid: Bool, e164: String?, reason: String?)
    ) throws(SettingsError) {
        guard let settingKey = SettingKey(rawValue: key) else { throw .unknownKey(key) }
        let text = value.trimmingWhitespace()
        var copy = self
        switch settingKey {
        case .fraudAllow:
            copy.fraudAllow = try Self.parseSwitch(text, settingKey)
        case .fraudAutoBlock:
            copy.fraudAutoBlock = try Self.parseSwitch(text, settingKey)
        case .fraudCode:
            guard Self.isValidFraudCode(text) else {
                throw .invalid(settingKey, text, reason: text.contains("#") ? "# ends an entry and cannot be part of the code" : nil)
            }
            copy.fraudCode = text
        case .lockoutDenials:
            copy.lockoutDenials = try Self.parseInteger(text, settingKey)
        case .lockoutResetMinutes:
            copy.lockoutResetMinutes = try Self.parseInteger(text, settingKey)
        case .lockoutUnblockMinutes:
            copy.lockoutUnblockMinutes = try Self.parseInteger(text, settingKey)
        case .callerID:
            if text.lowercased() == "default" {
                copy.callerID = nil
            } else {
                guard !text.isEmpty else { throw .invalid(settingKey, text, reason: "empty") }
                let verdict = callerIDCheck(text)
                guard verdict.valid, let e164 = verdict.e164 else {
                    throw .invalid(settingKey, text, reason: verdict.reason ?? "not an acceptable caller ID")
                }
                copy.callerID = e164
            }
        case .notificationEmails:
            copy.notificationEmails = try Self.parseEmails(text, settingKey)
        case .notificationCommand:
            if text.lowercased() == "none" {
                copy.notificationCommand = nil
            } else {
                guard !text.isEmpty else { throw .invalid(settingKey, text, reason: "empty; use 'none' to turn delivery off") }
                guard !text.unicodeScalars.contains(where: Self.isControl) else {
                    throw .invalid(settingKey, text, reason: "contains a line break or another control character")
                }
                copy.notificationCommand = text
            }
        case .productName:
            guard !text.isEmpty else { throw .invalid(settingKey, text, reason: "empty") }
            guard text.count <= Self.maxProductNameLength else {
                throw .invalid(settingKey, text, reason: "\(text.count) characters, more than \(Self.maxProductNameLength)")
            }
            guard !text.unicodeScalars.contains(where: Self.isControl) else {
                throw .invalid(settingKey, text, reason: "contains a control character")
            }
            copy.productName = text
        case .ringTimeout:
            copy.ringTimeout = try Self.parseInteger(text, settingKey)
        case .responseTimeout:
            copy.responseTimeout = try Self.parseInteger(text, settingKey)
        case .interDigitTimeout:
            copy.interDigitTimeout = try Self.parseInteger(text, settingKey)
        case .attempts:
            copy.attempts = try Self.parseInteger(text, settingKey)
        case .maxDigits:
            copy.maxDigits = try Self.parseInteger(text, settingKey)
        }
        self = copy
    }

    /// The value of one key as `ivr settings show` prints it; feeding it back to
    /// ``set(_:to:callerIDCheck:)`` gives the same settings.
    public func value(of key: SettingKey) -> String {
        switch key {
        case .fraudAllow: self.fraudAllow ? "on" : "off"
        case .fraudAutoBlock: self.fraudAutoBlock ? "on" : "off"
        case .fraudCode: self.fraudCode
        case .lockoutDenials: String(self.lockoutDenials)
        case .lockoutResetMinutes: String(self.lockoutResetMinutes)
        case .lockoutUnblockMinutes: String(self.lockoutUnblockMinutes)
        case .callerID: self.callerID ?? "default"
        case .notificationEmails: self.notificationEmails.isEmpty ? "none" : self.notificationEmails.joined(separator: ",")
        case .notificationCommand: self.notificationCommand ?? "none"
        case .productName: self.productName
        case .ringTimeout: String(self.ringTimeout)
        case .responseTimeout: String(self.responseTimeout)
        case .interDigitTimeout: String(self.interDigitTimeout)
        case .attempts: String(self.attempts)
        case .maxDigits: String(self.maxDigits)
        }
    }

    // MARK: - Parsing helpers

    /// Whether `code` is 1–8 keys from `0-9` and `*`.
    public static func isValidFraudCode(_ code: String) -> Bool {
        (1...8).contains(code.unicodeScalars.count)
            && code.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "*" }
    }

    private static func parseSwitch(_ text: String, _ key: SettingKey) throws(SettingsError) -> Bool {
        switch text.lowercased() {
        case "on", "true", "yes": return true
        case "off", "false", "no": return false
        default: throw .invalid(key, text)
        }
    }

    private static func parseInteger(_ text: String, _ key: SettingKey) throws(SettingsError) -> Int {
        guard let range = key.integerRange else { preconditionFailure("\(key.name) is not an integer setting") }
        guard !text.isEmpty, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            throw .invalid(key, text, reason: "not a whole number")
        }
        guard let number = Int(text), range.contains(number) else {
            throw .invalid(key, text, reason: "outside \(range.lowerBound)–\(range.upperBound)")
        }
        return number
    }

    private static func parseEmails(_ text: String, _ key: SettingKey) throws(SettingsError) -> [String] {
        if text.isEmpty || text.lowercased() == "none" { return [] }
        var result: [String] = []
        var seen: Set<String> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let address = String(part).trimmingWhitespace()
            guard !address.isEmpty else { throw .invalid(key, text, reason: "an empty address between commas") }
            guard AddressSyntax.isValidMailbox(address) else {
                throw .invalid(key, text, reason: "'\(printable(address))' is not a plain e-mail address")
            }
            if seen.insert(address.lowercased()).inserted { result.append(address) }
        }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// `text` made safe to quote in a one-line message: control characters escaped, long text cut.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(120) {
            if isControl(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if text.unicodeScalars.count > 120 { out += "…" }
        return out
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (Foundation-free).
    func trimmingWhitespace() -> String {
        let scalars = self.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
