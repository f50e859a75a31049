import Foundation
import Testing
import VoiceCall
@testable import VerificationStore

@Suite struct LockoutStoreTests {
    @Test func denialsAddUpAcrossCallsAndLock() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let alice = user("alice@contoso.com")
            try store.recordCall(wrongPINCall(alice.value, at: minutes(0), wrong: 2))
            #expect(try store.checkAccess(user: alice, at: minutes(1)) == .allowed(remainingDenials: 3))
            try store.recordCall(wrongPINCall(alice.value, at: minutes(2), wrong: 2))
            #expect(try store.lockoutState(user: alice).denials == 4)
            // A new process (connection) sees the same counter.
            let other = try VerificationStore(directory: dir)
            let recorded = try other.recordCall(wrongPINCall(alice.value, at: minutes(3), wrong: 1))
            let lockEnd = minutes(3).addingTimeInterval(1 + 30 * 60)
            #expect(recorded.lockout.lockedUntil == lockEnd)
            #expect(try store.checkAccess(user: alice, at: minutes(4)) == .lockedOut(until: lockEnd))
            // Another user is untouched.
            #expect(try store.checkAccess(user: user("bob@contoso.com"), at: minutes(4)) == .allowed(remainingDenials: 5))
        }
    }

    @Test func counterResetsAfterTheWindow() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let alice = user("alice@contoso.com")
            try store.recordCall(wrongPINCall(alice.value, at: minutes(0), wrong: 4))  // last denial at +4 s
            #expect(try store.lockoutState(user: alice, at: minutes(9)).denials == 4)
            #expect(try store.lockoutState(user: alice, at: minutes(10).addingTimeInterval(4)).denials == 0)
            // The next denial after the window is the first again: no lock.
            let after = try store.recordCall(wrongPINCall(alice.value, at: minutes(15), wrong: 1))
            #expect(after.lockout.denials == 1)
            #expect(after.lockout.lockedUntil == nil)
        }
    }

    @Test func lockExpiresByItselfAndClearsTheCounter() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            try store.updateSettings { try $0.set("lockout.unblock-minutes", to: "60", callerIDCheck: { _ in (false, nil, nil) }) }
            let alice = user("alice@contoso.com")
            let locked = try store.recordCall(wrongPINCall(alice.value, at: minutes(0), wrong: 5))
            let end = try #require(locked.lockout.lockedUntil)
            #expect(end == minutes(60).addingTimeInterval(5))
            #expect(try store.checkAccess(user: alice, at: end.addingTimeInterval(-1)) == .lockedOut(until: end))
            #expect(try store.checkAccess(user: alice, at: end) == .allowed(remainingDenials: 5))
            let next = try store.recordCall(wrongPINCall(alice.value, at: end, wrong: 1))
            #expect(next.lockout == LockoutState(denials: 1, lastDenialAt: end.addingTimeInterval(1), lockedUntil: nil))
        }
    }

    @Test func successClearsTheCounter() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let alice = user("alice@contoso.com")
            try store.recordCall(wrongPINCall(alice.value, at: minutes(0), wrong: 3))
            var call = verifiedCall(alice.value, at: minutes(1))
            call.denialTimes = [minutes(1).addingTimeInterval(5)]  // a wrong PIN, then the right one
            let recorded = try store.recordCall(call)
            #expect(recorded.lockout == .clear)
            #expect(try store.lockoutState(user: alice) == .clear)
        }
    }

    @Test func denialsUseTheCurrentThreshold() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            try store.updateSettings { $0.lockoutDenials = 2 }
            let alice = user("alice@contoso.com")
            let recorded = try store.recordCall(wrongPINCall(alice.value, at: minutes(0), wrong: 2))
            #expect(recorded.lockout.isLocked(at: minutes(1)))
        }
    }

    @Test func aRecordWithoutAValidUserMayOnlyLog() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let logOnly = CallOutcomeRecord(
                signIn: signIn("not a user", at: t0, result: .invalidRequest, detail: .invalidPhoneNumber), user: nil)
            try store.recordCall(logOnly)
            var bad = logOnly
            bad.denialTimes = [t0]
            #expect(throws: StoreError.self) { try store.recordCall(bad) }
            #expect(try store.signInCount() == 1)
        }
    }
}
