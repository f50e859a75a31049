import Foundation

/// What the admin commands need from a store beyond calls (issue 12): lockouts to list, claims to
/// give back, and whether the store was opened read-only.
public protocol StoreAdministration {
    /// Opened read-only: reads work, every change fails (a state directory this user cannot write).
    var isReadOnly: Bool { get }
    /// Lockouts in force at `time`, by user name.
    func lockouts(at time: Date) throws -> [Lockout]
    /// Gives claimed, unsent messages back without counting an attempt.
    func releaseClaims(ids: [Int64]) throws
}

extension VerificationStore: StoreAdministration {}
