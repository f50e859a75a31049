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

    init(head: RequestHead) {
        self.head = head
    }
}
