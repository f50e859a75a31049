import Foundation
import GreetingAudio

/// An error answer: `{"error": {"code", "message"}}` with its HTTP status (SPEC §16). Every refusal
/// the API makes is one of these, built where the refusal is decided, never guessed afterwards.
public struct APIError: Error, Sendable {
    public var status: Int
    /// A stable kebab-case id clients can switch on (`unknown-field`, `throttled`, …).
    public var code: String
    /// What the client must read to fix its request; names the field, header or value.
    public var message: String
    public var headers: [(name: String, value: String)] = []
    /// The `greetings validate` object of a refused greeting upload.
    public var validation: GreetingReport?

    public init(_ status: Int, _ code: String, _ message: String, headers: [(name: String, value: String)] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    static func badRequest(_ message: String) -> APIError { APIError(400, "bad-request", message) }
    static func malformedJSON(_ message: String) -> APIError { APIError(400, "malformed-json", message) }
    static func unknownField(_ name: String, allowed: [String]) -> APIError {
        APIError(400, "unknown-field", "unknown field '\(name)'; expected \(allowed.sorted().joined(separator: ", "))")
    }
    static let unauthorized = APIError(
        401, "unauthorized", "send a valid API key as 'Authorization: Bearer KEY' (create one with 'ivr keys create')",
        headers: [("WWW-Authenticate", "Bearer realm=\"ivr\"")])
    static func forbidden(_ needed: String) -> APIError {
        APIError(403, "forbidden", "this route needs an \(needed) key")
    }
    static func notFound(_ message: String) -> APIError { APIError(404, "not-found", message) }
    static func methodNotAllowed(_ method: String, allowed: [String]) -> APIError {
        APIError(405, "method-not-allowed", "\(method) is not allowed here; use \(allowed.joined(separator: " or "))",
                 headers: [("Allow", allowed.joined(separator: ", "))])
    }
    static func conflict(_ message: String) -> APIError { APIError(409, "conflict", message) }
    static func tooLarge(limit: Int) -> APIError {
        APIError(413, "payload-too-large", "the body is larger than \(limit) bytes (1 MiB); nothing was stored")
    }
    static func unsupportedMediaType(_ message: String) -> APIError { APIError(415, "unsupported-media-type", message) }
    static func unprocessable(_ message: String) -> APIError { APIError(422, "invalid-value", message) }
    static func throttled(_ message: String, retryAfter: TimeInterval) -> APIError {
        let seconds = max(1, Int(retryAfter.rounded(.up)))
        return APIError(429, "throttled", message, headers: [("Retry-After", String(seconds))])
    }
    static func unavailable(_ message: String) -> APIError { APIError(503, "unavailable", message) }
    static func internalError(_ message: String) -> APIError { APIError(500, "internal", message) }

    /// The answer as sent.
    var response: HTTPResponse {
        struct Body: Encodable {
            struct Detail: Encodable {
                var code: String
                var message: String
                var validation: GreetingReport?
            }
            var error: Detail
        }
        let body = Body(error: .init(code: code, message: message, validation: validation))
        return .json(status, JSONCoding.encode(body), headers: headers)
    }
}
