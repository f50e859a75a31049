/// Where live calls go and how: the `sip.*` and `rtp.ports` settings, checked (SPEC §15).
public struct SIPConfiguration: Sendable, Equatable {
    public enum Transport: String, Sendable, CaseIterable {
        case udp, tcp
    }

    /// The proxy or trunk that reaches phone numbers.
    public var trunkHost: String
    public var trunkPort: UInt16
    /// Local address and port for SIP (`0.0.0.0` listens on every interface).
    public var listenHost: String
    public var listenPort: UInt16
    public var transport: Transport
    /// Digest credentials toward the trunk, used when it answers 401 or 407.
    public var username: String?
    public var password: String?
    /// Local UDP ports for RTP; each call takes an even port (and the odd one above for RTCP).
    public var rtpPorts: ClosedRange<UInt16>

    public init(
        trunkHost: String, trunkPort: UInt16 = 5060, listenHost: String = "0.0.0.0", listenPort: UInt16 = 5060,
        transport: Transport = .udp, username: String? = nil, password: String? = nil,
        rtpPorts: ClosedRange<UInt16> = 20000...20999
    ) {
        self.trunkHost = trunkHost
        self.trunkPort = trunkPort
        self.listenHost = listenHost
        self.listenPort = listenPort
        self.transport = transport
        self.username = username
        self.password = password
        self.rtpPorts = rtpPorts
    }

    /// Builds a configuration from setting texts; the error names the setting and the value.
    public init(
        trunk: String, listen: String, transport: String, username: String?, password: String?, rtpPorts: String
    ) throws(SIPSettingError) {
        let (host, port) = try Self.parseTrunk(trunk)
        let (listenHost, listenPort) = try Self.parseListen(listen)
        guard let transport = Transport(rawValue: transport) else {
            throw SIPSettingError(setting: "sip.transport", value: transport, reason: "must be udp or tcp")
        }
        self.init(
            trunkHost: host, trunkPort: port, listenHost: listenHost, listenPort: listenPort, transport: transport,
            username: username, password: password, rtpPorts: try Self.parsePorts(rtpPorts))
    }

    /// `sip:HOST[:PORT]` (parameters after `;` are ignored; a user part is refused: the engine
    /// puts the number there). HOST is a name or an IPv4 address.
    public static func parseTrunk(_ text: String) throws(SIPSettingError) -> (String, UInt16) {
        let fail = { (reason: String) in SIPSettingError(setting: "sip.trunk", value: text, reason: reason) }
        guard text.hasPrefix("sip:") else { throw fail("must be a SIP URI such as sip:trunk.example.net:5060, or none") }
        var rest = Substring(text.dropFirst(4))
        if let semicolon = rest.firstIndex(of: ";") { rest = rest[..<semicolon] }
        guard !rest.contains("@") else { throw fail("must not have a user part: the number to call goes there") }
        return try hostPort(rest, defaultPort: 5060, fail)
    }

    /// `ADDR:PORT`, ADDR an IPv4 address (`0.0.0.0` for every interface).
    public static func parseListen(_ text: String) throws(SIPSettingError) -> (String, UInt16) {
        let fail = { (reason: String) in SIPSettingError(setting: "sip.listen", value: text, reason: reason) }
        let (host, port) = try hostPort(Substring(text), defaultPort: nil, fail)
        guard isIPv4(host) else { throw fail("the address must be an IPv4 address such as 0.0.0.0") }
        return (host, port)
    }

    /// `LOW-HIGH`, 1024 ≤ LOW < HIGH ≤ 65535, with room for at least two calls.
    public static func parsePorts(_ text: String) throws(SIPSettingError) -> ClosedRange<UInt16> {
        let fail = SIPSettingError(setting: "rtp.ports", value: text, reason: "must be LOW-HIGH with 1024 ≤ LOW, LOW + 3 ≤ HIGH ≤ 65535")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let low = UInt16(parts[0]), let high = UInt16(parts[1]), low >= 1024, Int(low) + 3 <= Int(high)
        else { throw fail }
        return low...high
    }

    private static func hostPort(
        _ text: Substring, defaultPort: UInt16?, _ fail: (String) -> SIPSettingError
    ) throws(SIPSettingError) -> (String, UInt16) {
        let host: Substring
        var port = defaultPort
        if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            let digits = text[text.index(after: colon)...]
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = UInt16(digits), value > 0 else {
                throw fail("the port must be 1–65535")
            }
            port = value
        } else {
            host = text
        }
        guard let port else { throw fail("needs a port, as in 0.0.0.0:5060") }
        let allowed = host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        guard !host.isEmpty, host.count <= 253, allowed else { throw fail("the host must be a name or an IPv4 address") }
        return (String(host), port)
    }

    static func isIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber } && Int(part)! <= 255
        }
    }
}

/// A `sip.*` or `rtp.ports` value that cannot be used, naming the setting.
public struct SIPSettingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var setting: String
    public var value: String
    public var reason: String
    public var description: String { "\(setting): invalid value \"\(value)\": \(reason)" }
}

/// libre refused to set up SIP (a port in use, an address not on this host).
public struct SIPChannelError: Error, Sendable, CustomStringConvertible {
    public var description: String
}
