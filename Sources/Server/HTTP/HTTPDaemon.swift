import CMicroHTTPD
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server: libmicrohttpd with an internal thread pool, handing each request to a
/// Swift `HTTPHandler`. This type owns the daemon handle; `stop()` (or deinit) shuts it down.
///
/// The library parses HTTP; this type only moves what it parsed into Swift values, counts the
/// body as it arrives (one byte over the limit is answered at once, the rest never read) and
/// enforces the header deadline (see `HeaderDeadlines`).
public final class HTTPDaemon: @unchecked Sendable {
    /// Shared with the C callbacks through an unretained pointer the daemon outlives.
    final class Box: @unchecked Sendable {
        let handler: any HTTPHandler
        let maxBodyBytes: Int
        let deadlines: HeaderDeadlines

        init(handler: any HTTPHandler, maxBodyBytes: Int, deadlines: HeaderDeadlines) {
            self.handler = handler
            self.maxBodyBytes = maxBodyBytes
            self.deadlines = deadlines
        }
    }

    private var daemon: OpaquePointer?
    private let box: Box
    private let lock = NSLock()
    /// The address and the port actually bound.
    public let host: String
    public let port: UInt16
    public let isTLS: Bool

    /// Starts listening. Requests are served from the moment this returns.
    public init(_ configuration: HTTPDaemonConfiguration, handler: any HTTPHandler) throws(HTTPDaemonError) {
        let deadlines = HeaderDeadlines(seconds: configuration.headerDeadlineSeconds)
        box = Box(handler: handler, maxBodyBytes: configuration.maxBodyBytes, deadlines: deadlines)
        host = configuration.host
        isTLS = configuration.tls != nil
        let context = Unmanaged.passUnretained(box).toOpaque()

        var v4 = sockaddr_in()
        var v6 = sockaddr_in6()
        let isIPv6: Bool
        if inet_pton(AF_INET, configuration.host, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = configuration.port.bigEndian
            isIPv6 = false
        } else if inet_pton(AF_INET6, configuration.host, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = configuration.port.bigEndian
            isIPv6 = true
        } else {
            throw .badAddress(configuration.host)
        }

        let start = { (address: UnsafePointer<sockaddr>) -> OpaquePointer? in
            ivr_mhd_start(
                address, isIPv6 ? 1 : 0,
                UInt32(configuration.threads), UInt32(configuration.idleTimeoutSeconds),
                configuration.connectionMemoryBytes, UInt32(configuration.connectionLimit),
                accessHandler, context, requestCompleted, context, connectionNotice, context,
                configuration.tls?.certificatePEM, configuration.tls?.keyPEM)
        }
        let started: OpaquePointer?
        if isIPv6 {
            started = withUnsafePointer(to: &v6) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, start) }
        } else {
            started = withUnsafePointer(to: &v4) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1, start) }
        }
        guard let started else { throw .startFailed(host: configuration.host, port: configuration.port) }
        daemon = started
        port = ivr_mhd_bound_port(started)
        deadlines.start()
    }

    /// Closes the listening socket and every connection, waiting for handlers running now.
    public func stop() {
        let running: OpaquePointer? = lock.withLock {
            defer { daemon = nil }
            return daemon
        }
        guard let running else { return }
        MHD_stop_daemon(running)
        box.deadlines.stop()
    }

    deinit { stop() }
}

// MARK: - Callbacks from libmicrohttpd (C calling conventions, no captures)

/// Called once when a request's headers are complete, once per chunk of body, and once more when
/// the body has ended (with no data): the answer is queued then.
private let accessHandler: MHD_AccessHandlerCallback = { cls, connection, url, method, _, uploadData, uploadSize, requestPointer in
    guard let cls, let connection, let requestPointer, let uploadSize else { return .NO }
    let box = Unmanaged<HTTPDaemon.Box>.fromOpaque(cls).takeUnretainedValue()

    guard let existing = requestPointer.pointee else {
        box.deadlines.headersArrived(UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection))))
        let head = RequestHead(
            method: method.map { String(cString: $0) } ?? "",
            path: url.map { String(cString: $0) } ?? "/",
            query: values(of: connection, kind: .GET_ARGUMENT_KIND),
            headers: values(of: connection, kind: .HEADER_KIND))
        let context = RequestContext(head: head)
        requestPointer.pointee = Unmanaged.passRetained(context).toOpaque()
        if let declared = head.header("content-length").flatMap(Int.init), declared > box.maxBodyBytes {
            context.answered = true
            return queue(box.handler.bodyTooLarge(head, limit: box.maxBodyBytes), on: connection)
        }
        switch box.handler.inspect(head) {
        case .refuse(let response):
            context.answered = true
            return queue(response, on: connection)
        case .admit(let value):
            context.admitted = value
            return .YES
        }
    }

    let context = Unmanaged<RequestContext>.fromOpaque(existing).takeUnretainedValue()
    let size = uploadSize.pointee
    if size > 0 {
        uploadSize.pointee = 0
        if context.answered { return .YES }
        if context.overLimit {
            // libmicrohttpd (0.9.75) cannot queue an answer in the middle of an upload, only before
            // it starts or after it ends: the rest of a chunked body over the limit is dropped as it
            // comes (never kept), and a client that sends more than `discardBytes` loses its
            // connection instead of its answer.
            context.discarded += size
            return context.discarded > RequestContext.discardBytes ? .NO : .YES
        }
        if context.body.count + size > box.maxBodyBytes {
            context.overLimit = true
            context.discarded = context.body.count + size
            context.body = Data()
            return .YES
        }
        if let uploadData { context.body.append(UnsafeRawPointer(uploadData).assumingMemoryBound(to: UInt8.self), count: size) }
        return .YES
    }
    if context.overLimit, !context.answered {
        context.answered = true
        return queue(box.handler.bodyTooLarge(context.head, limit: box.maxBodyBytes), on: connection)
    }
    guard !context.answered, let admitted = context.admitted else { return .YES }
    context.answered = true
    return queue(box.handler.respond(to: HTTPRequest(head: context.head, body: context.body), admitted: admitted), on: connection)
}

/// Releases the request's context and starts the header deadline of the next request.
private let requestCompleted: MHD_RequestCompletedCallback = { cls, connection, requestPointer, _ in
    if let pointer = requestPointer?.pointee {
        Unmanaged<RequestContext>.fromOpaque(pointer).release()
        requestPointer?.pointee = nil
    }
    guard let cls, let connection else { return }
    let box = Unmanaged<HTTPDaemon.Box>.fromOpaque(cls).takeUnretainedValue()
    box.deadlines.requestFinished(UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection))))
}

private let connectionNotice: MHD_NotifyConnectionCallback = { cls, connection, _, code in
    guard let cls, let connection else { return }
    let box = Unmanaged<HTTPDaemon.Box>.fromOpaque(cls).takeUnretainedValue()
    let key = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
    if code == .CONNECTION_NOTIFY_STARTED {
        box.deadlines.opened(key, socket: ivr_mhd_connection_fd(connection))
    } else {
        box.deadlines.closed(key)
    }
}

/// Header fields (names lowered, repeats joined) or query arguments of a request.
private func values(of connection: OpaquePointer, kind: MHD_ValueKind) -> [String: String] {
    final class Collected { var values: [String: String] = [:] }
    let collected = Collected()
    let lowered = kind == .HEADER_KIND
    let pointer = Unmanaged.passUnretained(collected).toOpaque()
    let iterator: MHD_KeyValueIterator = { cls, _, key, value in
        guard let cls, let key else { return .YES }
        let target = Unmanaged<Collected>.fromOpaque(cls).takeUnretainedValue()
        let name = String(cString: key)
        let text = value.map { String(cString: $0) } ?? ""
        if let previous = target.values[name] {
            target.values[name] = previous + ", " + text
        } else {
            target.values[name] = text
        }
        return .YES
    }
    _ = MHD_get_connection_values(connection, kind, iterator, pointer)
    withExtendedLifetime(collected) {}
    guard lowered else { return collected.values }
    var result: [String: String] = [:]
    for (name, value) in collected.values {
        let key = name.lowercased()
        result[key] = result[key].map { $0 + ", " + value } ?? value
    }
    return result
}

private func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
    let handle: OpaquePointer? = response.body.withUnsafeBytes { bytes in
        MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
    }
    guard let handle else { return .NO }
    defer { MHD_destroy_response(handle) }
    for (name, value) in response.headers {
        _ = MHD_add_response_header(handle, name, value)
    }
    return MHD_queue_response(connection, UInt32(response.status), handle)
}
