/// What the daemon asks of the application. Called on the daemon's worker threads, several at
/// once: an implementation must be safe to share.
public protocol HTTPHandler: Sendable {
    /// Looks at a request before its body is read. A response here is sent at once and the body
    /// is never read (refused keys, unknown routes, wrong content types), so a client cannot make
    /// the server buffer an upload it will refuse anyway.
    func inspect(_ head: RequestHead) -> HTTPResponse?

    /// Answers a request whose body has fully arrived within the daemon's size limit.
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// The answer once a body grows past the daemon's limit: sent before the rest is read.
    func bodyTooLarge(_ head: RequestHead, limit: Int) -> HTTPResponse
}
