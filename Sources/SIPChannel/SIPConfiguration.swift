import VoiceCall

/// Where live calls go and how: the `sip.*` and `rtp.ports` settings, parsed (SPEC §15).
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

    /// The configuration the settings describe; `nil` when `sip.trunk` is `none`.
    /// - Throws: `SIPSettingError` naming a setting whose stored text no longer parses.
    public init?(settings: Settings) throws(SIPSettingError) {
        guard let trunk = settings.sipTrunk else { return nil }
        func parse<T>(_ name: String, _ text: String, _ body: (String) throws(SettingRefusal) -> T) throws(SIPSettingError) -> T {
            do { return try body(text) } catch {
                throw SIPSettingError(setting: name, reason: error.reason ?? "not allowed")
            }
        }
        let (host, port) = try parse("sip.trunk", trunk, SIPSettingSyntax.trunk)
        let (listenHost, listenPort) = try parse("sip.listen", settings.sipListen, SIPSettingSyntax.listen)
        let ports = try parse("rtp.ports", settings.rtpPorts, SIPSettingSyntax.ports)
        self.init(
            trunkHost: host, trunkPort: port, listenHost: listenHost, listenPort: listenPort,
            transport: Transport(rawValue: settings.sipTransport) ?? .udp,
            username: settings.sipUsername, password: settings.sipPassword, rtpPorts: ports)
    }
}

/// A stored `sip.*` or `rtp.ports` value that cannot be used, naming the setting (never its value:
/// it may be a secret).
public struct SIPSettingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var setting: String
    public var reason: String
    public var description: String { "\(setting): \(reason)" }
}

/// libre refused to set up SIP (a port in use, an address not on this host).
public struct SIPChannelError: Error, Sendable, CustomStringConvertible {
    public var description: String
}
