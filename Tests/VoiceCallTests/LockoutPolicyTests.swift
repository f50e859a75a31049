import Foundation
import Testing
@testable import VoiceCall

@Suite struct LockoutPolicyTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    func at(minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

    /// Defaults: 5 denials, reset after 10 minutes, unblock after 30.
    let settings = Settings()

    @Test func denialsCountUpAndLockAtTheThreshold() {
        var state = LockoutState.clear
        for i in 0..<4 {
            state = state.recordingDenials([at(minutes: Double(i))], settings: settings)
            #expect(!state.isLocked(at: at(minutes: Double(i))))
        }
        #expect(state.denials == 4)
        #expect(state.remainingDenials(at: at(minutes: 4), settings: settings) == 1)
        state = state.recordingDenials([at(minutes: 4)], settings: settings)
        #expect(state.denials == 5)
        #expect(state.lockedUntil == at(minutes: 34))
        #expect(state.isLocked(at: at(minutes: 4)))
        #expect(state.remainingDenials(at: at(minutes: 10), settings: settings) == 0)
    }

    @Test func lockEndsExactlyAtItsEnd() {
        let state = LockoutState.clear.recordingDenials((0..<5).map { at(minutes: Double($0)) }, settings: settings)
        #expect(state.isLocked(at: at(minutes: 33.99)))
        #expect(!state.isLocked(at: at(minutes: 34)))  // "start time before that end": the end itself is free
        #expect(state.normalized(at: at(minutes: 34), settings: settings) == .clear)
        #expect(state.remainingDenials(at: at(minutes: 34), settings: settings) == 5)
    }

    @Test func counterResetsOnceTheWindowHasPassed() {
        let state = LockoutState.clear.recordingDenials([at(minutes: 0), at(minutes: 1)], settings: settings)
        #expect(state.remainingDenials(at: at(minutes: 10.99), settings: settings) == 3)
        #expect(state.remainingDenials(at: at(minutes: 11), settings: settings) == 5)  // exactly 10 min after the last
        let next = state.recordingDenials([at(minutes: 11)], settings: settings)
        #expect(next.denials == 1)
        let stillCounting = state.recordingDenials([at(minutes: 10.5)], settings: settings)
        #expect(stillCounting.denials == 3)
    }

    @Test func theWindowIsMeasuredFromTheLastDenial() {
        // Denials 9 minutes apart never reset: each one restarts the window.
        let times = (0..<5).map { at(minutes: Double($0) * 9) }
        let state = LockoutState.clear.recordingDenials(times, settings: settings)
        #expect(state.lockedUntil == at(minutes: 36 + 30))
    }

    @Test func denialsWhileLockedNeitherCountNorExtend() {
        let locked = LockoutState.clear.recordingDenials((0..<5).map { at(minutes: Double($0)) }, settings: settings)
        let after = locked.recordingDenials([at(minutes: 5), at(minutes: 6)], settings: settings)
        #expect(after == locked)
    }

    @Test func denialsAreAppliedInTimeOrder() {
        let a = LockoutState.clear.recordingDenials([at(minutes: 20), at(minutes: 0)], settings: settings)
        #expect(a.denials == 1 && a.lastDenialAt == at(minutes: 20))
    }

    @Test func successClearsTheCounterButNotALock() {
        let counting = LockoutState.clear.recordingDenials([at(minutes: 0), at(minutes: 1)], settings: settings)
        #expect(counting.clearedBySuccess() == .clear)
        let locked = LockoutState.clear.recordingDenials((0..<5).map { at(minutes: Double($0)) }, settings: settings)
        #expect(locked.clearedBySuccess().lockedUntil == locked.lockedUntil)
        #expect(locked.clearedBySuccess().denials == 0)
        #expect(locked.clearedByUnblock() == .clear)
    }

    @Test func loweringTheThresholdLocksOnTheNextDenial() {
        let three = LockoutState.clear.recordingDenials((0..<3).map { at(minutes: Double($0)) }, settings: settings)
        var strict = Settings()
        strict.lockoutDenials = 2
        #expect(!three.isLocked(at: at(minutes: 3)))
        #expect(three.remainingDenials(at: at(minutes: 3), settings: strict) == 1)
        let locked = three.recordingDenials([at(minutes: 3)], settings: strict)
        #expect(locked.isLocked(at: at(minutes: 3)))
    }

    @Test func aThresholdOfOneLocksAtTheFirstDenial() {
        var one = Settings()
        one.lockoutDenials = 1
        one.lockoutUnblockMinutes = 1
        let state = LockoutState.clear.recordingDenials([at(minutes: 0)], settings: one)
        #expect(state.lockedUntil == at(minutes: 1))
    }

    @Test func blocksApplyBeforeTheirEndOnly() {
        let end = BlockPolicy.blockEnd(from: t0)
        #expect(end == t0.addingTimeInterval(90 * 86_400))
        #expect(BlockPolicy.applies(blockEnd: end, toCallAt: end.addingTimeInterval(-1)))
        #expect(!BlockPolicy.applies(blockEnd: end, toCallAt: end))
    }
}
