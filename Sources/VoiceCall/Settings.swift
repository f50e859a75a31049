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
    /// The SIP URI of the trunk or proxy for live calls; `nil` (`none`) means no live calls (§15).
    public var sipTrunk: String? = nil
    /// The local SIP address, `ADDR:PORT`.
    public var sipListen: String = "0.0.0.0:5060"
    /// `udp` or `tcp`.
    public var sipTransport: String = "udp"
    /// Digest credentials toward the trunk.
    public var sipUsername: String? = nil
    /// A secret: never shown (`(set)`), never logged.
    public var sipPassword: String? = nil
    /// Local UDP ports for RTP, `LOW-HIGH`.
    public var rtpPorts: String = "20000-20999"
    /// Hosts `ivr serve` may send callbacks to (`host`, `host:port`, `[v6]:port`); empty means none.
    public var apiCallbackHosts: [String] = []
    /// Verifications one number may get in 5 minutes over the HTTP API (toll fraud).
    public var throttleCallsPerNumber: Int = 5
    /// Verifications one user may get in 5 minutes over the HTTP API.
    public var throttleCallsPerUser: Int = 10
    // The sign-in around the call (SPEC §8.5); checked by the SignIn module's rules.
    /// Trusted IPv4 ranges in CIDR, already checked (`trusted-ips.ranges`).
    public var trustedIPRanges: [String] = []
    /// On-premises mode: private ranges may be trusted (`trusted-ips.allow-private`).
    public var trustedIPsAllowPrivate: Bool = false
    /// The AD FS inside-corporate-network claim skips MFA (`trusted-ips.federated-intranet`).
    public var trustedIPsFederatedIntranet: Bool = false
    public var methodCall: Bool = true
    public var methodText: Bool = true
    public var methodAppNotification: Bool = true
    public var methodAppCode: Bool = true
    public var rememberMFAEnabled: Bool = false
    public var rememberMFADays: Int = 90
    /// Whether *Stay signed in?* may be shown (`kmsi.show`).
    public var kmsiShow: Bool = true

    /// The default product name (SPEC §3).
    public static let defaultProductName = "the sign-in verification system"
    /// The longest product name accepted.
    public static let maxProductNameLength = 100

    /// The default settings of SPEC §5 and §10.
    public init() {}

    // MARK: - Codable (driven by the SettingKey table)

    /// A key of the stored settings JSON (``SettingKey/storedName``).
    public struct StoredName: CodingKey, Sendable {
        public let stringValue: String
        public var intValue: Int? { nil }
        public init(_ name: String) { self.stringValue = name }
        public init?(stringValue: String) { self.stringValue = stringValue }
        public init?(intValue: Int) { nil }
    }

    /// Decodes stored settings; a key that is missing (written by an older version) keeps its default,
    /// so adding a setting never makes an existing state directory unreadable.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StoredName.self)
        var settings = Settings()
        for key in SettingKey.allCases { try key.decode(container, &settings) }
        self = settings
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StoredName.self)
        for key in SettingKey.allCases { try key.encode(self, &container) }
    }

    // MARK: - Editing one key

    /// Sets one key from its CLI text, or throws and leaves `self` unchanged.
    ///
    /// What each key accepts is its ``SettingKey``'s format (`SettingFormat.swift`); surrounding white
    /// space is ignored for every key.
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
        callerIDCheck: @escaping @Sendable (String) -> (valid: Bool, e164: String?, reason: String?)
    ) throws(SettingsError) {
        try self.set(key, to: value, context: SettingContext(callerIDCheck: callerIDCheck))
    }

    /// Sets one key from its CLI text with everything parsing needs in `context`.
    public mutating func set(_ key: String, to value: String, context: SettingContext) throws(SettingsError) {
        guard let settingKey = SettingKey(rawValue: key) else {
            if let refusal = SettingKey.retired[key] {
                throw SettingsError(code: .invalidValue, key: key, message: "\(key): \(refusal)")
            }
            throw .unknownKey(key)
        }
        // Trimming must not hide a line break: a value is one line (a caller ID goes into headers).
        if value.contains(where: \.isNewline) { throw .invalid(settingKey, value, reason: "a value cannot contain a line break") }
        let text = value.trimmingWhitespace()
        var copy = self
        do {
            try settingKey.apply(text, context, &copy)
        } catch {
            throw .invalid(settingKey, text, reason: error.reason)
        }
        self = copy
    }

    /// The value of one key as `ivr settings show` prints it; feeding it back to
    /// ``set(_:to:callerIDCheck:)`` gives the same settings.
    public func value(of key: SettingKey) -> String {
        key.render(self)
    }

    // MARK: - Parsing helpers

    /// Whether `code` is 1–8 keys from `0-9` and `*`.
    public static func isValidFraudCode(_ code: String) -> Bool {
        (1...8).contains(code.unicodeScalars.count)
            && code.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "*" }
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
