/// The `sip.*` and `rtp.ports` settings of live calls (SPEC §15): their syntax, checked here so a
/// bad value is refused when it is set, and parsed again by the SIP channel when it dials.
public enum SIPSettingSyntax {
    /// `sip:HOST[:PORT]` → host and port (5060 when omitted). Parameters after `;` are ignored; a
    /// user part is refused, since the number to call goes there. HOST is a name or IPv4 address.
    public static func trunk(_ text: String) throws(SettingRefusal) -> (host: String, port: UInt16) {
        guard text.hasPrefix("sip:") else { throw SettingRefusal("not a sip: URI") }
        var rest = Substring(text.dropFirst(4))
        if let semicolon = rest.firstIndex(of: ";") { rest = rest[..<semicolon] }
        guard !rest.contains("@") else { throw SettingRefusal("a user part is not allowed: the number to call goes there") }
        return try hostPort(rest, defaultPort: 5060)
    }

    /// `ADDR:PORT` with ADDR an IPv4 address (`0.0.0.0` listens on every interface).
    public static func listen(_ text: String) throws(SettingRefusal) -> (host: String, port: UInt16) {
        let (host, port) = try hostPort(Substring(text), defaultPort: nil)
        guard isIPv4(host) else { throw SettingRefusal("the address must be IPv4, such as 0.0.0.0") }
        return (host, port)
    }

    /// `LOW-HIGH` with 1024 ≤ LOW and LOW + 3 ≤ HIGH ≤ 65535 (room for two calls at least).
    public static func ports(_ text: String) throws(SettingRefusal) -> ClosedRange<UInt16> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }),
              let low = UInt16(parts[0]), let high = UInt16(parts[1])
        else { throw SettingRefusal("not LOW-HIGH") }
        guard low >= 1024, Int(low) + 3 <= Int(high) else { throw SettingRefusal("needs 1024 ≤ LOW and LOW + 3 ≤ HIGH") }
        return low...high
    }

    private static func hostPort(_ text: Substring, defaultPort: UInt16?) throws(SettingRefusal) -> (host: String, port: UInt16) {
        let host: Substring
        var port = defaultPort
        if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            let digits = text[text.index(after: colon)...]
            guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), let value = UInt16(digits), value > 0
            else { throw SettingRefusal("the port must be 1–65535") }
            port = value
        } else {
            host = text
        }
        guard let port else { throw SettingRefusal("a port is needed, as in 0.0.0.0:5060") }
        let allowed = host.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-"
        }
        guard !host.isEmpty, host.count <= 253, allowed else { throw SettingRefusal("the host must be a name or an IPv4 address") }
        return (String(host), port)
    }

    /// Whether `host` is a dotted-quad IPv4 address.
    public static func isIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } && Int(part)! <= 255
        }
    }
}

extension SettingFormat where Value == String? {
    /// The trunk's SIP URI, or `none` (no live calls).
    public static var sipTrunk: SettingFormat {
        SettingFormat<String>(
            allowedValues: "a SIP URI such as sip:trunk.example.net:5060 (no user part)",
            parse: { text, _ throws(SettingRefusal) in
                _ = try SIPSettingSyntax.trunk(text)
                return text
            },
            render: { $0 }).orNone
    }

    /// A digest user name (printable ASCII, no spaces), or `none`.
    public static var sipUsername: SettingFormat {
        SettingFormat<String>(
            allowedValues: "1 to 128 printable characters without spaces",
            parse: { text, _ throws(SettingRefusal) in
                guard (1...128).contains(text.count), text.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 }) else {
                    throw SettingRefusal("not 1 to 128 printable characters without spaces")
                }
                return text
            },
            render: { $0 }).orNone
    }

    /// A secret: any non-empty text (never refused for its content, so no error message ever
    /// repeats it), or `none`; shown as `(set)`.
    public static var secret: SettingFormat {
        SettingFormat<String>(
            allowedValues: "any text (shown as '(set)')",
            parse: { text, _ throws(SettingRefusal) in
                guard !text.isEmpty else { throw SettingRefusal("empty; use 'none' to clear it") }
                return text
            },
            render: { _ in "(set)" }).orNone
    }
}

extension SettingFormat where Value == String {
    /// The local SIP address, `ADDR:PORT`.
    public static var sipListen: SettingFormat {
        SettingFormat(
            allowedValues: "an IPv4 address and port such as 0.0.0.0:5060",
            parse: { text, _ throws(SettingRefusal) in
                _ = try SIPSettingSyntax.listen(text)
                return text
            },
            render: { $0 })
    }

    /// `udp` or `tcp`.
    public static var sipTransport: SettingFormat {
        SettingFormat(
            allowedValues: "udp or tcp",
            parse: { text, _ throws(SettingRefusal) in
                guard ["udp", "tcp"].contains(text.lowercased()) else { throw SettingRefusal() }
                return text.lowercased()
            },
            render: { $0 })
    }

    /// The RTP port range, `LOW-HIGH`.
    public static var portRange: SettingFormat {
        SettingFormat(
            allowedValues: "a port range LOW-HIGH such as 20000-20999",
            parse: { text, _ throws(SettingRefusal) in
                _ = try SIPSettingSyntax.ports(text)
                return text
            },
            render: { $0 })
    }
}
