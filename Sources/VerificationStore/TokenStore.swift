import Foundation
import VoiceCall

/// The store operations OATH tokens need (SPEC §9), each one transaction; part of ``StateStore``.
public protocol TokenStore: AnyObject {
    func tokens(user: UserName?) throws -> [TokenRecord]
    func sealedTokens(user: UserName?) throws -> [SealedToken]
    func sealedToken(serial: String) throws -> SealedToken?
    func tokenSerials() throws -> Set<String>
    func tokenCountsByUser() throws -> [UserName: Int]
    func addTokens(_ tokens: [SealedToken]) throws
    func markTokenUsed(serial: String, step: Int64, at time: Date, activate: Bool) throws -> Bool
    @discardableResult
    func deleteToken(serial: String) throws -> Bool
    @discardableResult
    func recordDenial(user: UserName, at time: Date) throws -> LockoutState
    func recordVerified(user: UserName, at time: Date) throws
}

extension VerificationStore: TokenStore {}
