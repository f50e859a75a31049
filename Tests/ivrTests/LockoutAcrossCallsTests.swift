import Foundation
import Testing

/// SPEC §5: PIN denials count per user across calls (and across `ivr` processes, each call here is
/// its own process); the fifth denial locks the account for 30 minutes from that denial.
@Suite("PIN lockout across calls and processes")
struct LockoutAcrossCallsTests {
    static let pin = "9731"

    @Test("3 wrong PINs, then 2 more: locked_out; a call soon after is refused unplaced; 31 minutes later it proceeds")
    func lockoutAcrossCalls() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let user = "erin@contoso.com"
        let wrong = ["1111", "2222", "3333"]

        let first = try Self.call(.pin(user, pin: Self.pin, entries: wrong, at: "2026-11-25T12:00:00Z"), dir, state)
        #expect(first["result"] as? String == "denied")
        #expect(first["detail"] as? String == "MFA denied; invalid PIN")

        let second = try Self.call(.pin(user, pin: Self.pin, entries: Array(wrong.prefix(2)), at: "2026-11-25T12:02:00Z"), dir, state)
        #expect(second["result"] as? String == "locked_out")
        #expect(second["detail"] as? String == "MFA denied; account locked out")
        #expect((second["prompts"] as? [[String: Any]])?.last?["type"] as? String == "authentication-denied")

        // Even the right PIN: no call is placed while the lockout lasts.
        let third = try Self.call(.pin(user, pin: Self.pin, entries: [Self.pin], at: "2026-11-25T12:03:00Z"), dir, state)
        #expect(third["result"] as? String == "locked_out")
        #expect((third["prompts"] as? [Any])?.isEmpty == true)
        #expect(third["digitsSent"] as? String == "")

        // 31 minutes after the locking denial (12:02 plus the call's few seconds) the lock has expired.
        let fourth = try Self.call(.pin(user, pin: Self.pin, entries: [Self.pin], at: "2026-11-25T12:33:30Z"), dir, state)
        #expect(fourth["result"] as? String == "verified")
        #expect((fourth["prompts"] as? [Any])?.isEmpty == false)

        #expect(try IVRProcess.log(state).compactMap { $0["result"] as? String } == ["denied", "locked_out", "locked_out", "verified"])
    }

    @Test("another user is not affected by a lockout")
    func lockoutIsPerUser() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let wrong = ["1111", "2222", "3333"]
        _ = try Self.call(.pin("erin@contoso.com", pin: Self.pin, entries: wrong, at: "2026-11-25T12:00:00Z"), dir, state)
        _ = try Self.call(.pin("erin@contoso.com", pin: Self.pin, entries: wrong, at: "2026-11-25T12:01:00Z"), dir, state)
        let other = try Self.call(.pin("frank@contoso.com", pin: Self.pin, entries: [Self.pin], at: "2026-11-25T12:02:00Z"), dir, state)
        #expect(other["result"] as? String == "verified")
    }

    @Test("the denial counter resets 10 minutes after the last denial; a success clears it")
    func counterReset() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let user = "gina@contoso.com"
        let wrong = ["1111", "2222", "3333"]
        // 3 denials, then 11 minutes of quiet: the counter is back to 0, so 3 more do not lock.
        _ = try Self.call(.pin(user, pin: Self.pin, entries: wrong, at: "2026-11-25T12:00:00Z"), dir, state)
        let afterReset = try Self.call(.pin(user, pin: Self.pin, entries: wrong, at: "2026-11-25T12:12:00Z"), dir, state)
        #expect(afterReset["result"] as? String == "denied")
        // 3 + 3 = 6 would have locked; now 3 more and a success, then 3 more: still only 3 since the success.
        let success = try Self.call(.pin(user, pin: Self.pin, entries: ["1111", Self.pin], at: "2026-11-25T12:13:00Z"), dir, state)
        #expect(success["result"] as? String == "verified")
        let again = try Self.call(.pin(user, pin: Self.pin, entries: wrong, at: "2026-11-25T12:14:00Z"), dir, state)
        #expect(again["result"] as? String == "denied")
    }

    @Test("lockout.denials is honoured: with 2, the second wrong PIN locks the account mid-call")
    func configuredThreshold() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["settings", "set", "lockout.denials", "2"], state: state).exitCode == 0)
        let call = try Self.call(.pin("hank@contoso.com", pin: Self.pin, entries: ["1111", "2222", "3333"], at: "2026-11-25T12:00:00Z"), dir, state)
        #expect(call["result"] as? String == "locked_out")
        let denials = (call["transcript"] as? [[String: Any]])?.filter { $0["event"] as? String == "denial" }
        #expect(denials?.count == 2)
    }

    /// Runs one script in its own `ivr` process and returns its JSON report.
    static func call(_ script: CallScriptText, _ dir: TemporaryDirectory, _ state: URL) throws -> [String: Any] {
        let file = try script.write(in: dir.url, as: "call-\(UUID().uuidString)")
        let reports = try IVRProcess.calls([file], state: state)
        try #require(reports.count == 1)
        return reports[0]
    }
}
