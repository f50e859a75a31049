/// Why the daemon could not start.
public enum HTTPDaemonError: Error, Sendable, CustomStringConvertible {
    /// The listen address is not a numeric IPv4 or IPv6 address.
    case badAddress(String)
    /// libmicrohttpd refused to start: the port is taken, the address is not local, the TLS
    /// certificate or key is unreadable.
    case startFailed(host: String, port: UInt16)

    public var description: String {
        switch self {
        case .badAddress(let host):
            "'\(host)' is not a numeric IPv4 or IPv6 address"
        case .startFailed(let host, let port):
            "cannot listen on \(host):\(port) (port in use, address not on this host, or an unusable TLS certificate or key)"
        }
    }
}
