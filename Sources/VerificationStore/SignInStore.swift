import Foundation
import VoiceCall

/// What the sign-in around the call keeps (SPEC §8): the users directory, remembered browsers,
/// named locations, the SMS outbox and each sign-in's outcome. Part of ``StateStore``; the SQLite
/// implementation is in `VerificationStore+SignIn.swift`.
public protocol SignInStore: AnyObject {
    func addUser(_ user: UserName, phone: String, method: String, language: String?, at time: Date) throws
    func directoryUser(_ user: UserName) throws -> DirectoryUser?
    func directoryUsers() throws -> [DirectoryUser]
    func pinHash(_ user: UserName) throws -> String?
    func setPINHash(_ user: UserName, _ hash: String) throws -> Bool
    func setAppPassword(_ user: UserName, _ present: Bool) throws -> Bool
    func setPersistentBrowserSession(_ user: UserName, _ on: Bool) throws -> Bool

    func rememberBrowser(user: UserName, browserHash: String, issuedAt: Date, until: Date) throws
    func rememberedBrowserIssue(user: UserName, browserHash: String) throws -> Date?
    func rememberedBrowsers(user: UserName) throws -> [RememberedBrowser]
    func revokeRememberedBrowsers(user: UserName, at time: Date) throws -> Int

    func saveNamedLocation(name: String, ranges: [String], at time: Date) throws
    func namedLocations() throws -> [(name: String, ranges: [String])]
    func removeNamedLocation(name: String) throws -> Bool

    func queueSMS(
        user: UserName, maskedNumber: String, sealedBody: String, codeHash: String, at time: Date, expiresAt: Date, tries: Int
    ) throws -> Int64
    func smsOutbox() throws -> [SMSMessage]
    func smsMessage(id: Int64) throws -> SMSMessage?
    func trySMSCode(id: Int64, at time: Date, check: (String) -> Bool) throws -> SMSCodeVerdict

    @discardableResult
    func recordSignIn(_ record: SignInRecord, outcome: SignInOutcomeRecord) throws -> Int64
    func attachSignInOutcome(toSignIn id: Int64, _ outcome: SignInOutcomeRecord) throws
}

extension VerificationStore: SignInStore {}
