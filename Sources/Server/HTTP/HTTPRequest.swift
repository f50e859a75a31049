import Foundation

/// What is known of a request once its headers are in, before any of its body has been read.
public struct RequestHead: Sendable {
    /// `GET`, `POST`, … as the client sent it.
    public var method: String
    /// The path without the query, percent-decoding left to the router (`/v1/verifications/ab12`).
    public var path: String
    /// Query arguments, decoded by libmicrohttpd; a bare `?flag` has the value "".
    public var query: [String: String]
    /// Header fields, names in lower case. A repeated field keeps its values joined by ", "
    /// (RFC 9110 §5.3).
    public var headers: [String: String]
    public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:]) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
    }

    /// A header's value by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A whole request: its head and its body, already checked against the size limit.
public struct HTTPRequest: Sendable {
    public var head: RequestHead
    public var body: Data

    public init(head: RequestHead, body: Data = Data()) {
        self.head = head
        self.body = body
    }
}
