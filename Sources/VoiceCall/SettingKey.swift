/// One administrator setting, described once: its CLI name, what it accepts, how its text is parsed
/// and shown, where it lives in ``Settings`` and in the stored JSON (SPEC §10).
///
/// ## Adding a setting
/// 1. Add the stored property to ``Settings`` with its default (`public var kmsiShow: Bool = true`).
/// 2. Add one entry to ``SettingKey/allCases`` where `ivr settings show` should list it:
///    ```swift
///    .field("kmsi.show", \.kmsiShow, stored: "kmsiShow", .onOff),
///    ```
///    pick a ``SettingFormat`` (`onOff`, `integer(_:unit:)`, `line(maxLength:)`, `emailList`, …) or write
///    one beside them in `SettingFormat.swift`; `.described(as:)` rewords what it accepts.
///
/// That is all: `ivr settings set/show`, the error messages, the help table, the stored JSON (a state
/// directory written before the key existed reads its default) and the settings tests' round trip
/// follow from the entry. `stored` is the JSON name and must never change once shipped.
public struct SettingKey: Sendable, Hashable, CustomStringConvertible {
    /// The CLI and JSON name (`lockout.denials`).
    public let name: String
    /// The name in the stored settings JSON (`lockoutDenials`).
    public let storedName: String
    /// What the setting accepts, in words, for help text and error messages.
    public let allowedValues: String
    let apply: @Sendable (_ text: String, _ context: SettingContext, _ settings: inout Settings) throws(SettingRefusal) -> Void
    let render: @Sendable (Settings) -> String
    let encode: @Sendable (Settings, inout KeyedEncodingContainer<Settings.StoredName>) throws -> Void
    let decode: @Sendable (KeyedDecodingContainer<Settings.StoredName>, inout Settings) throws -> Void

    init(
        name: String, storedName: String, allowedValues: String,
        apply: @escaping @Sendable (String, SettingContext, inout Settings) throws(SettingRefusal) -> Void,
        render: @escaping @Sendable (Settings) -> String,
        encode: @escaping @Sendable (Settings, inout KeyedEncodingContainer<Settings.StoredName>) throws -> Void,
        decode: @escaping @Sendable (KeyedDecodingContainer<Settings.StoredName>, inout Settings) throws -> Void
    ) {
        self.name = name
        self.storedName = storedName
        self.allowedValues = allowedValues
        self.apply = apply
        self.render = render
        self.encode = encode
        self.decode = decode
    }

    /// A setting kept in `property` of ``Settings`` and read and shown by `format`.
    public static func field<Value: Codable & Sendable>(
        _ name: String, _ property: WritableKeyPath<Settings, Value> & Sendable, stored: String,
        _ format: SettingFormat<Value>
    ) -> SettingKey {
        let key = Settings.StoredName(stored)
        return SettingKey(
            name: name, storedName: stored, allowedValues: format.allowedValues,
            apply: { text, context, settings throws(SettingRefusal) in
                settings[keyPath: property] = try format.parse(text, context)
            },
            render: { format.render($0[keyPath: property]) },
            encode: { settings, container in try container.encode(settings[keyPath: property], forKey: key) },
            decode: { container, settings in
                if let value = try container.decodeIfPresent(Value.self, forKey: key) {
                    settings[keyPath: property] = value
                }
            })
    }

    /// Every setting, in the order `ivr settings show` prints them.
    public static let allCases: [SettingKey] = [
        .field("fraud.allow", \.fraudAllow, stored: "fraudAllow", .onOff),
        .field("fraud.auto-block", \.fraudAutoBlock, stored: "fraudAutoBlock", .onOff),
        .field("fraud.code", \.fraudCode, stored: "fraudCode", .fraudCode),
        .field("lockout.denials", \.lockoutDenials, stored: "lockoutDenials", .integer(1...100)),
        .field("lockout.reset-minutes", \.lockoutResetMinutes, stored: "lockoutResetMinutes", .integer(1...43_200, unit: "minutes")),
        .field("lockout.unblock-minutes", \.lockoutUnblockMinutes, stored: "lockoutUnblockMinutes", .integer(1...43_200, unit: "minutes")),
        .field("caller-id", \.callerID, stored: "callerID", .callerID),
        .field("notifications.emails", \.notificationEmails, stored: "notificationEmails", .emailList),
        .field("notifications.command", \.notificationCommand, stored: "notificationCommand", .commandLine),
        .field("product-name", \.productName, stored: "productName", .line(maxLength: Settings.maxProductNameLength)),
        .field("call.ring-timeout", \.ringTimeout, stored: "ringTimeout", .integer(5...120, unit: "seconds")),
        .field("call.response-timeout", \.responseTimeout, stored: "responseTimeout", .integer(1...60, unit: "seconds")),
        .field("call.inter-digit-timeout", \.interDigitTimeout, stored: "interDigitTimeout", .integer(1...30, unit: "seconds")),
        .field("call.attempts", \.attempts, stored: "attempts", .integer(1...10)),
        .field("call.max-digits", \.maxDigits, stored: "maxDigits", .integer(1...32)),
        .field("sip.trunk", \.sipTrunk, stored: "sipTrunk", .sipTrunk),
        .field("sip.listen", \.sipListen, stored: "sipListen", .sipListen),
        .field("sip.transport", \.sipTransport, stored: "sipTransport", .sipTransport),
        .field("sip.username", \.sipUsername, stored: "sipUsername", .sipUsername),
        .field("sip.password", \.sipPassword, stored: "sipPassword", .secret),
        .field("rtp.ports", \.rtpPorts, stored: "rtpPorts", .portRange),
        .field("api.callback-hosts", \.apiCallbackHosts, stored: "apiCallbackHosts", .hostList),
        .field("throttle.calls-per-number", \.throttleCallsPerNumber, stored: "throttleCallsPerNumber", .integer(1...1000)),
        .field("throttle.calls-per-user", \.throttleCallsPerUser, stored: "throttleCallsPerUser", .integer(1...1000)),
    ] + signInKeys

    private static let byName: [String: SettingKey] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// The setting with this CLI name, or `nil`.
    public init?(rawValue name: String) {
        guard let key = Self.byName[name] else { return nil }
        self = key
    }

    /// The CLI name, as `init?(rawValue:)` takes it.
    public var rawValue: String { self.name }

    /// The value of a fresh ``Settings()`` as `ivr settings show` prints it.
    public var defaultValue: String { self.render(Settings()) }

    public var description: String { self.name }

    public static func == (lhs: SettingKey, rhs: SettingKey) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(self.name) }
}
