/// How one kind of setting value is read from the administrator's text and written back.
///
/// A format is reusable across keys (`onOff` serves every switch, `integer(_:unit:)` every number);
/// ``SettingKey`` pairs a format with a `Settings` property. `parse` gets the text already trimmed and
/// either returns the value or throws the reason in words; the key's name and allowed values are
/// added by `SettingKey`, so a format never has to repeat them.
public struct SettingFormat<Value: Sendable>: Sendable {
    /// What the format accepts, in words (`on or off (also true/false, yes/no)`).
    public let allowedValues: String
    /// Reads trimmed text; throws the reason when the text is refused.
    public let parse: @Sendable (_ text: String, _ context: SettingContext) throws(SettingRefusal) -> Value
    /// The text `ivr settings show` prints; parsing it gives the same value back.
    public let render: @Sendable (Value) -> String

    public init(
        allowedValues: String,
        parse: @escaping @Sendable (_ text: String, _ context: SettingContext) throws(SettingRefusal) -> Value,
        render: @escaping @Sendable (Value) -> String
    ) {
        self.allowedValues = allowedValues
        self.parse = parse
        self.render = render
    }

    /// The same parsing with other words for what it accepts.
    public func described(as allowedValues: String) -> SettingFormat {
        SettingFormat(allowedValues: allowedValues, parse: self.parse, render: self.render)
    }

    /// This format, or the word `none` (any case) for no value: `nil`, shown as `none`.
    public var orNone: SettingFormat<Value?> {
        let parse = self.parse
        let render = self.render
        return SettingFormat<Value?>(
            allowedValues: "\(allowedValues), or 'none'",
            parse: { text, context throws(SettingRefusal) in
                if text.lowercased() == "none" { return nil }
                return try parse(text, context)
            },
            render: { $0.map(render) ?? "none" })
    }
}

/// Why a value was refused; `nil` reason means "not one of the allowed values" says it all.
public struct SettingRefusal: Error, Sendable {
    public let reason: String?
    public init(_ reason: String? = nil) { self.reason = reason }
}

/// What parsing may need from outside this pure module.
public struct SettingContext: Sendable {
    /// Decides whether a caller ID is acceptable (SPEC §6): the E.164 form when valid, a reason when
    /// not. Injected so VoiceCall's settings model does not depend on how numbers are checked.
    public let callerIDCheck: @Sendable (String) -> (valid: Bool, e164: String?, reason: String?)

    public init(callerIDCheck: @escaping @Sendable (String) -> (valid: Bool, e164: String?, reason: String?)) {
        self.callerIDCheck = callerIDCheck
    }
}

extension SettingFormat where Value == Bool {
    /// `on`/`off`, `true`/`false`, `yes`/`no` in any case; shown as `on`/`off`.
    public static var onOff: SettingFormat {
        SettingFormat(
            allowedValues: "on or off (also true/false, yes/no)",
            parse: { text, _ throws(SettingRefusal) in
                switch text.lowercased() {
                case "on", "true", "yes": return true
                case "off", "false", "no": return false
                default: throw SettingRefusal()
                }
            },
            render: { $0 ? "on" : "off" })
    }
}

extension SettingFormat where Value == Int {
    /// Plain decimal digits inside `range` (no sign, no fraction).
    ///
    /// - Parameter unit: spoken in the allowed values (`minutes` → "a whole number of minutes from 1 to 43200").
    public static func integer(_ range: ClosedRange<Int>, unit: String? = nil) -> SettingFormat {
        let noun = unit.map { "a whole number of \($0)" } ?? "a whole number"
        return SettingFormat(
            allowedValues: "\(noun) from \(range.lowerBound) to \(range.upperBound)",
            parse: { text, _ throws(SettingRefusal) in
                guard !text.isEmpty, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
                    throw SettingRefusal("not a whole number")
                }
                guard let number = Int(text), range.contains(number) else {
                    throw SettingRefusal("outside \(range.lowerBound)–\(range.upperBound)")
                }
                return number
            },
            render: { String($0) })
    }
}

extension SettingFormat where Value == String {
    /// One line of 1–`maxLength` characters without control characters.
    public static func line(maxLength: Int) -> SettingFormat {
        SettingFormat(
            allowedValues: "1 to \(maxLength) characters, no control characters",
            parse: { text, _ throws(SettingRefusal) in
                guard !text.isEmpty else { throw SettingRefusal("empty") }
                guard text.count <= maxLength else {
                    throw SettingRefusal("\(text.count) characters, more than \(maxLength)")
                }
                guard !text.unicodeScalars.contains(where: Settings.isControl) else {
                    throw SettingRefusal("contains a control character")
                }
                return text
            },
            render: { $0 })
    }

    /// The fraud code: 1–8 keys from `0-9` and `*`.
    public static var fraudCode: SettingFormat {
        SettingFormat(
            allowedValues: "1 to 8 keys from 0-9 and * (never #)",
            parse: { text, _ throws(SettingRefusal) in
                guard Settings.isValidFraudCode(text) else {
                    throw SettingRefusal(text.contains("#") ? "# ends an entry and cannot be part of the code" : nil)
                }
                return text
            },
            render: { $0 })
    }
}

extension SettingFormat where Value == String? {
    /// A US caller ID checked by the injected checker and stored in E.164; `default` clears it.
    public static var callerID: SettingFormat {
        SettingFormat(
            allowedValues: "a US phone number (fixed line, mobile or toll-free), or 'default'",
            parse: { text, context throws(SettingRefusal) in
                if text.lowercased() == "default" { return nil }
                guard !text.isEmpty else { throw SettingRefusal("empty") }
                let verdict = context.callerIDCheck(text)
                guard verdict.valid, let e164 = verdict.e164 else {
                    throw SettingRefusal(verdict.reason ?? "not an acceptable caller ID")
                }
                return e164
            },
            render: { $0 ?? "default" })
    }

    /// A single non-empty command line; `none` clears it.
    public static var commandLine: SettingFormat {
        SettingFormat<String>(
            allowedValues: "a command line such as '/usr/sbin/sendmail -t'",
            parse: { text, _ throws(SettingRefusal) in
                guard !text.isEmpty else { throw SettingRefusal("empty; use 'none' to turn delivery off") }
                guard !text.unicodeScalars.contains(where: Settings.isControl) else {
                    throw SettingRefusal("contains a line break or another control character")
                }
                return text
            },
            render: { $0 }).orNone
    }
}

extension SettingFormat where Value == [String] {
    /// Comma-separated plain e-mail addresses; `none` or nothing clears the list; duplicates
    /// (ignoring case) are dropped. Anything that could inject a mail header is refused.
    public static var emailList: SettingFormat {
        SettingFormat(
            allowedValues: "comma-separated e-mail addresses (user@example.com), or 'none'",
            parse: { text, _ throws(SettingRefusal) in
                if text.isEmpty || text.lowercased() == "none" { return [] }
                var result: [String] = []
                var seen: Set<String> = []
                for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                    let address = String(part).trimmingWhitespace()
                    guard !address.isEmpty else { throw SettingRefusal("an empty address between commas") }
                    guard AddressSyntax.isValidMailbox(address) else {
                        throw SettingRefusal("'\(Settings.printable(address))' is not a plain e-mail address")
                    }
                    if seen.insert(address.lowercased()).inserted { result.append(address) }
                }
                return result
            },
            render: { $0.isEmpty ? "none" : $0.joined(separator: ",") })
    }
}
