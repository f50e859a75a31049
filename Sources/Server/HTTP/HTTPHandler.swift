/// What the daemon asks of the application. Called on the daemon's worker threads, several at
/// once: an implementation must be safe to share.
public protocol HTTPHandler: Sendable {
    /// Looks at a request before its body is read. A refusal here is sent at once and the body is
    /// never read (bad keys, unknown routes, wrong content types), so a client cannot make the
    /// server buffer an upload it will refuse anyway. What an admission carries (who the caller
    /// is, when the request began) comes back with the body to `respond`.
    func inspect(_ head: RequestHead) -> Admission

    /// Answers a request whose body has fully arrived within the daemon's size limit.
    func respond(to request: HTTPRequest, admitted: any Sendable) -> HTTPResponse

    /// The answer once a body grows past the daemon's limit: sent before the rest is read.
    func bodyTooLarge(_ head: RequestHead, limit: Int) -> HTTPResponse
}

/// The outcome of `HTTPHandler.inspect`.
public enum Admission: Sendable {
    /// Answer now; the body stays unread.
    case refuse(HTTPResponse)
    /// Read the body, then call `respond` with this value.
    case admit(any Sendable)
}
