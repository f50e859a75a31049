import CRe
import Foundation
import VoiceCall

/// A SIP user agent that places live verification calls through one trunk (SPEC §15).
///
/// It owns libre's SIP stack (`sip_alloc`, one transport, a session socket) on the process's
/// `ReLoop`; every call it places runs there too. Calls from the outside are answered with 603:
/// this engine only dials out. Close it with `close()` before letting it go; calls still running
/// are hung up first.
public final class SIPPhone: @unchecked Sendable {
    public let configuration: SIPConfiguration
    let loop = ReLoop.shared
    /// Loop-thread state; `nil` once closed.
    private(set) var stack: Stack?
    let credentials: Credentials

    /// libre handles, touched only on the loop thread.
    struct Stack: @unchecked Sendable {
        var sip: OpaquePointer
        var sessionSocket: OpaquePointer
        var dns: OpaquePointer?
        /// The local address of SDP and RTP.
        var mediaAddress: sa
    }

    /// Digest credentials, kept apart from any call: libre may ask for them while finishing a
    /// BYE after the call that sent it is gone.
    final class Credentials: @unchecked Sendable {
        let username: String?
        let password: String?
        init(username: String?, password: String?) {
            self.username = username
            self.password = password
        }
    }

    /// Calls running now, retained until libre is done with them (loop thread only).
    var active: [ObjectIdentifier: LiveCall] = [:]

    public init(_ configuration: SIPConfiguration) throws(SIPChannelError) {
        self.configuration = configuration
        self.credentials = Credentials(username: configuration.username, password: configuration.password)
        let opened: Result<Stack, SIPChannelError> = loop.sync { [configuration] in Self.open(configuration) }
        stack = try opened.get()
    }

    private static func open(_ configuration: SIPConfiguration) -> Result<Stack, SIPChannelError> {
        var trunk = sa()
        guard let trunkIP = resolve(configuration.trunkHost), sa_set_str(&trunk, trunkIP, configuration.trunkPort) == 0 else {
            return .failure(SIPChannelError(description: "sip.trunk: cannot resolve the host \(configuration.trunkHost)"))
        }
        var listen = sa()
        guard sa_set_str(&listen, configuration.listenHost, configuration.listenPort) == 0 else {
            return .failure(SIPChannelError(description: "sip.listen: invalid address \(configuration.listenHost)"))
        }
        var dns: OpaquePointer?
        var servers = [sa](repeating: sa(), count: 4)
        var serverCount = UInt32(servers.count)
        var domain = [CChar](repeating: 0, count: 64)
        if dns_srv_get(&domain, domain.count, &servers, &serverCount) == 0, serverCount > 0 {
            _ = dnsc_alloc(&dns, nil, servers, serverCount)
        }
        var sip: OpaquePointer?
        var err = sip_alloc(&sip, dns, 32, 32, 32, "ivr", nil, nil)
        guard err == 0, let sip else {
            _ = mem_deref(UnsafeMutableRawPointer(dns))
            return .failure(SIPChannelError(description: "libre: sip_alloc failed: \(errorText(err))"))
        }
        let transport: sip_transp = configuration.transport == .udp ? SIP_TRANSP_UDP : SIP_TRANSP_TCP
        err = ivr_sip_transp_add(sip, transport, &listen)
        var socket: OpaquePointer?
        if err == 0 {
            err = sipsess_listen(&socket, sip, 32, { msg, arg in
                // Someone calls us: this engine only dials out.
                guard let msg, let arg else { return }
                let sip = OpaquePointer(arg)
                _ = sip_treply(nil, sip, msg, 603, "Decline")
            }, UnsafeMutableRawPointer(sip))
        }
        guard err == 0, let socket else {
            sip_close(sip, true)
            _ = mem_deref(UnsafeMutableRawPointer(sip))
            _ = mem_deref(UnsafeMutableRawPointer(dns))
            return .failure(SIPChannelError(
                description: "sip.listen: cannot listen on \(configuration.listenHost):\(configuration.listenPort) (\(configuration.transport.rawValue)): \(errorText(err))"))
        }
        var media = listen
        if sa_is_any(&listen) {
            var local = sa()
            if sip_transp_laddr(sip, &local, transport, &trunk) == 0 { media = local }
        }
        sa_set_port(&media, 0)
        return .success(Stack(sip: sip, sessionSocket: socket, dns: dns, mediaAddress: media))
    }

    /// Hangs up every call still running and closes the SIP stack. Idempotent.
    public func close() {
        let closeStack: @Sendable () -> Void = { [self] in
            // Each call releases its own session (BYE or CANCEL) before the socket goes.
            for call in Array(active.values) {
                call.abort(reason: "the SIP phone was closed")
                call.tearDown()
            }
            guard let stack else { return }
            self.stack = nil
            _ = mem_deref(UnsafeMutableRawPointer(stack.sessionSocket))
            // sip_close(…, false) drops our reference itself; the stack lives on until its last
            // transaction (a BYE or CANCEL just sent) has ended. Dereferencing it again here
            // would free it under those transactions.
            sip_close(stack.sip, false)
            _ = mem_deref(UnsafeMutableRawPointer(stack.dns))
        }
        if loop.isCurrent { closeStack() } else { loop.sync(closeStack) }
    }

    // MARK: Placing calls

    /// Places a call; `completion` runs once with its outcome, on a background queue. `canceller`,
    /// when given, can hang the call up meanwhile.
    public func place(
        _ request: LiveCallRequest, canceller: LiveCallCanceller? = nil,
        completion: @escaping @Sendable (LiveCallOutcome) -> Void
    ) {
        loop.async { [self] in
            let call = LiveCall(phone: self, request: request, completion: completion)
            active[ObjectIdentifier(call)] = call
            call.start()
            canceller?.attach { [loop] in
                loop.async {
                    call.abort(reason: "canceled by the API client")
                    call.tearDown()
                }
            }
        }
    }

    /// Places a call and waits for its outcome; `canceller`, when given, can hang it up meanwhile.
    public func call(_ request: LiveCallRequest, canceller: LiveCallCanceller? = nil) -> LiveCallOutcome {
        let done = DispatchSemaphore(value: 0)
        let box = OutcomeBox()
        place(request, canceller: canceller) { outcome in
            box.outcome = outcome
            done.signal()
        }
        done.wait()
        return box.outcome!
    }

    private final class OutcomeBox: @unchecked Sendable { var outcome: LiveCallOutcome? }

    /// A call is over and libre holds no handler of it any more.
    func forget(_ call: LiveCall) {
        active[ObjectIdentifier(call)] = nil
    }

    // MARK: Figures

    /// The media figures since the last reset, across every phone of the process.
    public static func statistics() -> LiveStatistics {
        ReLoop.shared.sync { LoopGlobals.statistics }
    }

    public static func resetStatistics() {
        ReLoop.shared.sync { LoopGlobals.statistics = LiveStatistics() }
    }
}

/// State shared by every call on the loop thread (and touched only there).
enum LoopGlobals {
    nonisolated(unsafe) static let mediaClock = MediaClock()
    nonisolated(unsafe) static var statistics = LiveStatistics()
}

/// An IPv4 address for a host name or address, through the system resolver.
func resolve(_ host: String) -> String? {
    if SIPSettingSyntax.isIPv4(host) { return host }
    var hints = addrinfo()
    hints.ai_family = AF_INET
    hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
    var result: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return nil }
    defer { freeaddrinfo(result) }
    var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
    return first.pointee.ai_addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
        var inAddr = address.pointee.sin_addr
        guard inet_ntop(AF_INET, &inAddr, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// An errno value as words.
func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
}
