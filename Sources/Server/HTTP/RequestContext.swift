import Foundation

/// One request in flight inside the daemon: its head, the body so far, and whether it has been
/// answered already (early answers leave the rest of the body unread).
///
/// Owned by libmicrohttpd's per-request pointer (retained there, released when the request ends);
/// only ever touched by the one worker thread serving its connection.
final class RequestContext: @unchecked Sendable {
    let head: RequestHead
    var body = Data()
    var answered = false
    /// The body passed the size limit (a chunked body, whose size was not declared up front).
    var overLimit = false
    /// Bytes dropped since then.
    var discarded = 0
    /// How much of an over-limit chunked body is dropped before the connection is closed instead.
    static let discardBytes = 8 * 1_048_576
    /// What `HTTPHandler.inspect` admitted the request with.
    var admitted: (any Sendable)?

    init(head: RequestHead) {
        self.head = head
    }
}
