/// How `HTTPDaemon` listens and what it tolerates from a client.
public struct HTTPDaemonConfiguration: Sendable {
    /// A numeric IPv4 or IPv6 address (`127.0.0.1`, `::1`, `0.0.0.0`).
    public var host: String
    /// 0 lets the kernel choose; `HTTPDaemon.port` then tells which it chose.
    public var port: UInt16
    /// Worker threads; each runs its own event loop over its share of the connections.
    public var threads: Int = 4
    /// A connection idle this long is closed (libmicrohttpd's own timer).
    public var idleTimeoutSeconds: Int = 10
    /// A request whose headers are not complete this long after its connection opened (or after the
    /// previous request on it finished) is dropped, however steadily its bytes trickle in: the idle
    /// timer alone would let a client that sends one byte a second hold a connection for ever.
    public var headerDeadlineSeconds: Double = 10
    /// Buffer space per connection; headers that do not fit are answered with 431 by the library.
    public var connectionMemoryBytes: Int = 64 * 1024
    /// Connections open at once.
    public var connectionLimit: Int = 1_000
    /// The largest body a request may carry: one byte more is answered at once with
    /// `HTTPHandler.bodyTooLarge`, and the rest is never read.
    public var maxBodyBytes: Int = 1_048_576
    /// PEM certificate chain and private key: both set serves HTTPS.
    public var tls: (certificatePEM: String, keyPEM: String)?

    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }
}
