import Foundation
import VerificationStore
import VoiceCall

/// Blocks, the sign-in log and the outbox (SPEC §5, §7, §16).
extension APIServer {
    /// The optional body of `POST /v1/users/{user}/block`.
    struct BlockBody: Decodable, KnownFields {
        var reason: String?
        static let knownFields: Set<String> = ["reason"]
    }

    /// Blocks a user for 90 days (SPEC §5), with the reason given or a default one.
    func block(_ name: String, _ request: HTTPRequest) throws -> HTTPResponse {
        let body = request.body.isEmpty ? BlockBody() : try JSONCoding.decodeStrict(BlockBody.self, from: request.body)
        let receipt = try pool.writing { try $0.block(user: name, reason: body.reason ?? "blocked by an admin through the API") }
        return .json(200, JSONCoding.encode(BlockAnswer(user: receipt.user.value, blocked: true, until: receipt.until)))
    }

    /// Lifts a block (or a lockout) and clears the denial counter; the reason may come as `?reason=`.
    func unblock(_ name: String, _ request: HTTPRequest) throws -> HTTPResponse {
        let reason = request.head.query["reason"] ?? "unblocked by an admin through the API"
        let receipt = try pool.writing { try $0.unblock(user: name, reason: reason) }
        return .json(200, JSONCoding.encode(
            BlockAnswer(user: receipt.user.value, blocked: false, until: nil, lifted: receipt.lifted.liftedAnything)))
    }

    private struct BlockAnswer: Encodable {
        var user: String
        var blocked: Bool
        var until: Date?
        var lifted: Bool?
    }

    /// One page of the sign-in log, newest first: `?limit=` (1–1000, default 100) and `?before=ID`
    /// (the `next` of the previous page).
    func showLog(_ head: RequestHead) throws -> HTTPResponse {
        let limit = try Self.queryInt(head, "limit", range: 1...1000) ?? 100
        let before = try Self.queryInt(head, "before", range: 1...Int.max)
        let page = try pool.with { try $0.signInLogPage(before: before.map(Int64.init), limit: limit) }
        let entries = page.map { LogEntry(id: $0.id, record: $0.record) }
        let next = page.count == limit ? page.last?.id : nil
        return .json(200, JSONCoding.encode(LogPage(entries: entries, next: next)))
    }

    private struct LogPage: Encodable {
        var entries: [LogEntry]
        var next: Int64?

        private enum Keys: String, CodingKey { case entries, next }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(entries, forKey: .entries)
            try container.encode(next, forKey: .next)
        }
    }

    /// A sign-in record with its id (the paging cursor).
    private struct LogEntry: Encodable {
        var id: Int64
        var record: SignInRecord

        private enum Keys: String, CodingKey { case id }

        func encode(to encoder: any Encoder) throws {
            try record.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
        }
    }

    func showOutbox() throws -> HTTPResponse {
        let messages = try pool.with { try $0.outbox(deliver: false).messages }
        return .json(200, JSONCoding.encode(["messages": messages]))
    }

    private static func queryInt(_ head: RequestHead, _ name: String, range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let text = head.query[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badRequest("query '\(name)': '\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}
