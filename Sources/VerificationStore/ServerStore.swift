import Foundation

/// The store operations `ivr serve` needs (SPEC §16), each one transaction; part of ``StateStore``.
public protocol ServerStore: AnyObject {
    // MARK: API keys
    func addAPIKey(_ record: APIKeyRecord) throws
    func apiKeys() throws -> [APIKeyRecord]
    func apiKey(id: String) throws -> APIKeyRecord?
    func revokeAPIKey(id: String, at time: Date) throws -> Bool

    // MARK: Verifications asked for over HTTP
    /// Stores a queued verification unless a throttle refuses it (check and insert together).
    func insertVerification(_ record: VerificationRecord, throttle: VerificationThrottle) throws -> VerificationThrottle.Refusal?
    func verification(id: String) throws -> VerificationRecord?
    @discardableResult
    func updateVerification(
        id: String, from: Set<VerificationStatus>, to status: VerificationStatus, outcome: VerificationOutcome?, endedAt: Date?
    ) throws -> Bool
    func endUnfinishedVerifications(at time: Date, detail: String) throws -> [String]

    // MARK: The sign-in log by pages
    func signInLogPage(before: Int64?, limit: Int) throws -> [(id: Int64, record: SignInRecord)]
}

extension VerificationStore: ServerStore {}
