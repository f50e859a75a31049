import Foundation
import Testing
import VoiceCall
@testable import VerificationStore

@Suite struct BlockStoreTests {
    @Test func adminBlockThenUnblockClearsBlockAndCounter() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let alice = user("alice@contoso.com")
            try store.recordCall(wrongPINCall(alice.value, at: minutes(0), wrong: 3))
            try store.block(user: alice, reason: "lost phone", at: minutes(1), until: BlockPolicy.blockEnd(from: minutes(1)), by: "admin")
            let block = try #require(try store.activeBlock(user: alice, at: minutes(2)))
            #expect(block.reason == "lost phone" && block.blockedBy == "admin")
            #expect(block.until == minutes(1).addingTimeInterval(90 * 86_400))
            guard case .blocked = try store.checkAccess(user: alice, at: minutes(2)) else {
                Issue.record("expected blocked")
                return
            }
            #expect(try store.blocks(at: minutes(2)).map(\.user) == [alice])

            #expect(try store.unblock(user: alice, reason: "found it", at: minutes(3)).liftedAnything)
            #expect(try store.activeBlock(user: alice, at: minutes(4)) == nil)
            #expect(try store.blocks(at: minutes(4)).isEmpty)
            #expect(try store.lockoutState(user: alice) == .clear)
            #expect(try store.checkAccess(user: alice, at: minutes(4)) == .allowed(remainingDenials: 5))
            #expect(try store.unblock(user: alice, reason: "again", at: minutes(5)).liftedAnything == false)
        }
    }

    @Test func unblockLiftsAPINLockout() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let alice = user("alice@contoso.com")
            try store.recordCall(wrongPINCall(alice.value, at: minutes(0), wrong: 5))
            #expect(try store.unblock(user: alice, reason: "called the helpdesk", at: minutes(1)).liftedAnything)
            #expect(try store.checkAccess(user: alice, at: minutes(1)) == .allowed(remainingDenials: 5))
        }
    }

    @Test func fraudAutoBlockLastsNinetyDaysAndExpiryClearsTheCounter() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            try store.updateSettings { $0.lockoutResetMinutes = 43_200; $0.lockoutDenials = 100 }
            let alice = user("alice@contoso.com")
            try store.recordCall(wrongPINCall(alice.value, at: minutes(0), wrong: 2))
            let fraud = CallOutcomeRecord(
                signIn: signIn(alice.value, at: minutes(1), result: .fraudReported, detail: .fraudCodeEntered), user: alice,
                block: .init(at: minutes(1), until: BlockPolicy.blockEnd(from: minutes(1)), reason: "fraud reported by the user"),
                emails: [OutboxDraft(to: "sec@contoso.com", subject: "Fraud alert", body: "Subject: Fraud alert\r\n\r\nbody\r\n")])
            try store.recordCall(fraud)
            let end = minutes(1).addingTimeInterval(90 * 86_400)
            #expect(try store.activeBlock(user: alice, at: days(89))?.blockedBy == "fraud-alert")
            #expect(try store.activeBlock(user: alice, at: end.addingTimeInterval(-1)) != nil)
            #expect(try store.activeBlock(user: alice, at: end) == nil)  // a call at exactly the end is not blocked
            // The 2 old denials are within the (30-day) window when checked right after the block,
            // but the block's expiry clears them.
            #expect(try store.lockoutState(user: alice).denials == 2)
            #expect(try store.lockoutState(user: alice, at: end).denials == 0)
            let next = try store.recordCall(wrongPINCall(alice.value, at: end, wrong: 1))
            #expect(next.lockout.denials == 1)
            #expect(try store.blocks(at: end).isEmpty)
            #expect(try store.outbox().count == 1)
        }
    }

    @Test func aNewBlockReplacesTheOldOne() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let alice = user("alice@contoso.com")
            try store.block(user: alice, reason: "first", at: t0, until: days(90), by: "admin")
            try store.block(user: alice, reason: "second", at: days(1), until: days(2), by: "admin")
            #expect(try store.activeBlock(user: alice, at: days(1.5))?.reason == "second")
            #expect(try store.activeBlock(user: alice, at: days(3)) == nil)
        }
    }

    @Test func blocksApplyToEveryCallBeforeTheirEndEvenOneStartedEarlier() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let alice = user("alice@contoso.com")
            try store.block(user: alice, reason: "r", at: days(10), until: days(100), by: "admin")
            #expect(try store.activeBlock(user: alice, at: days(5)) != nil)
        }
    }
}
