import Foundation

/// An e-mail to queue: the recipient, a subject for listings, and the full RFC 5322 text.
public struct OutboxDraft: Sendable, Equatable, Codable {
    public var to: String
    public var subject: String
    /// The whole message, headers and body, as the delivery command receives it.
    public var body: String

    public init(to: String, subject: String, body: String) {
        self.to = to
        self.subject = subject
        self.body = body
    }
}

/// A queued or sent notification e-mail (SPEC §5): undelivered ones stay queued and are retried.
public struct OutboxMessage: Sendable, Equatable, Codable {
    /// Where a message stands.
    public enum Status: String, Sendable, Equatable, Codable {
        /// Not delivered yet (never tried, or the last try failed).
        case queued
        /// Handed to the delivery command successfully.
        case sent
    }

    public var id: Int64
    public var createdAt: Date
    public var to: String
    public var subject: String
    /// The full RFC 5322 text.
    public var body: String
    public var status: Status
    /// Delivery tries so far, failed or not.
    public var attempts: Int
    /// The last failure's message, cleared once sent.
    public var lastError: String?
    public var sentAt: Date?
}
