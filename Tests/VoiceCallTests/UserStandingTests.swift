import Foundation
import Testing
@testable import VoiceCall

@Suite("UserStanding: the rules of blocks and lockout as values")
struct UserStandingTests {
    let settings = Settings()
    let alice = try! UserName("alice@contoso.com")
    func t(_ minutes: Double) -> Date { Date(timeIntervalSince1970: 1_800_000_000 + minutes * 60) }
    func block(from start: Double, to end: Double) -> Block {
        Block(user: alice, reason: "r", blockedBy: "admin", blockedAt: t(start), until: t(end))
    }
    var locked: LockoutState { LockoutState(denials: 5, lastDenialAt: t(0), lockedUntil: t(30)) }

    @Test("A block is reported before a lockout")
    func blockBeforeLockout() {
        let standing = UserStanding(blocks: [block(from: 0, to: 100)], lockout: locked)
        #expect(standing.access(at: t(1), settings: settings) == .blocked(block(from: 0, to: 100)))
        #expect(UserStanding(lockout: locked).access(at: t(1), settings: settings) == .lockedOut(until: t(30)))
        #expect(standing.access(at: t(100), settings: settings) == .allowed(remainingDenials: 5))
    }

    @Test("An expired block clears the denials counted before its end, not those after it")
    func expiryClearsEarlierDenials() {
        let before = LockoutState(denials: 3, lastDenialAt: t(5))
        let after = LockoutState(denials: 3, lastDenialAt: t(15))
        let (cleared, expired) = UserStanding(blocks: [block(from: 0, to: 10)], lockout: before).applyingExpiredBlocks(at: t(12))
        #expect(cleared.lockout == .clear && cleared.blocks.isEmpty && expired.count == 1)
        let kept = UserStanding(blocks: [block(from: 0, to: 10)], lockout: after).applyingExpiredBlocks(at: t(16)).standing
        #expect(kept.lockout == after)
        // Nothing expires before the end.
        #expect(UserStanding(blocks: [block(from: 0, to: 10)], lockout: before).applyingExpiredBlocks(at: t(9.9)).expired.isEmpty)
    }

    @Test("Recording a call counts its denials after applying expiry, and a success clears the counter")
    func recordingACall() {
        var strict = settings
        strict.lockoutDenials = 2
        let standing = UserStanding(blocks: [block(from: 0, to: 10)], lockout: LockoutState(denials: 1, lastDenialAt: t(5)))
        let next = standing.recordingCall(at: t(11), denials: [t(11.1), t(11.2)], verified: false, settings: strict)
        #expect(next.lockout.denials == 2 && next.lockout.lockedUntil == t(11.2 + 30))
        #expect(next.blocks.isEmpty)
        let success = UserStanding(lockout: LockoutState(denials: 1, lastDenialAt: t(1)))
            .recordingCall(at: t(2), denials: [], verified: true, settings: settings)
        #expect(success.lockout == .clear)
    }

    @Test("An unblock is judged at every time it is given: a lock held at the user's last call counts")
    func unblockJudgedAtGivenTimes() {
        let standing = UserStanding(lockout: locked)
        #expect(standing.unblocking(judgedAt: [t(600)], settings: settings).lifted.liftedAnything == false)
        let (next, lifted) = standing.unblocking(judgedAt: [t(600), t(10)], settings: settings)
        #expect(lifted.lockedUntil == t(30) && lifted.block == nil)
        #expect(next == UserStanding())
    }
}
