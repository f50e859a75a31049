import Foundation
import Testing

/// `ivr signin`, `ivr users` (directory) and `ivr locations` as an administrator runs them.
@Suite("Sign-in CLI (SPEC §8)")
struct SignInCLITests {
    static let keys: Set<String> = [
        "file", "user", "result", "detail", "bypass", "method", "call", "rememberedUntil", "kmsi", "kmsiReason", "session",
        "errorCode", "steps",
    ]

    static func write(_ text: String, _ name: String, in dir: TemporaryDirectory) throws -> String {
        let url = dir.url.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("ivr signin --json: exactly the keys of §8.4, the call embedded, abandon → interrupted + 50140 in the log")
    func jsonKeysAndInterrupt() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["users", "add", "alice@contoso.com", "--phone", "+14255550100"], state: state).exitCode == 0)
        #expect(IVRProcess.run(["settings", "set", "trusted-ips.ranges", "40.77.182.32/27"], state: state).exitCode == 0)
        let abandon = try Self.write(
            "user alice@contoso.com\nat 2026-11-25T10:00:00Z\nip 203.0.113.7\nstay-signed-in abandon\ncall\n  answer\n  listen\n  press #\n",
            "abandon.signin", in: dir)
        let bypass = try Self.write("user alice@contoso.com\nat 2026-11-25T11:00:00Z\nip 40.77.182.40\n", "bypass.signin", in: dir)
        let run = IVRProcess.run(["signin", "--json", abandon, bypass], state: state)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let objects = try run.jsonLines()
        #expect(objects.count == 2)
        for object in objects { #expect(Set(object.keys) == Self.keys) }
        #expect(objects[0]["result"] as? String == "interrupted")
        #expect(objects[0]["errorCode"] as? Int == 50140)
        let call = try #require(objects[0]["call"] as? [String: Any])
        #expect(call["result"] as? String == "verified" && call["callerId"] as? String != nil)
        #expect(objects[1]["bypass"] as? String == "trusted-ip")
        #expect(objects[1]["call"] is NSNull && objects[1]["method"] is NSNull)

        // One log record per sign-in: the call inside the first is not logged twice.
        let log = try IVRProcess.log(state)
        #expect(log.count == 2)
        #expect(log[0]["result"] as? String == "interrupted" && log[0]["errorCode"] as? Int == 50140)
        #expect(log[0]["method"] as? String == "call" && log[0]["kmsi"] as? String == "shown" && log[0]["bypass"] is NSNull)
        #expect(log[1]["errorCode"] is NSNull && log[1]["bypass"] as? String == "trusted-ip")
        let interrupt = try #require(log.first?["signIn"] as? [String: Any])
        #expect((interrupt["call"] as? [String: Any])?["result"] as? String == "verified")
        #expect(interrupt["errorCode"] as? Int == 50140)
        #expect(interrupt["result"] as? String == "interrupted")
        #expect((interrupt["detail"] as? String)?.contains("'Keep me signed in' interrupt") == true)
        #expect((log[1]["signIn"] as? [String: Any])?["bypass"] as? String == "trusted-ip")
    }

    @Test("no PIN, SMS code or browser cookie in any output, log record or state file")
    func secrecy() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let pin = "9371"
        let cookie = "cookie-5d1e7a9c"
        var outputs: [IVRProcess.Result] = []
        outputs.append(IVRProcess.run(["users", "add", "alice@contoso.com", "--phone", "+14255550100"], state: state))
        outputs.append(IVRProcess.run(["users", "set-pin", "alice@contoso.com"], state: state, stdin: pin + "\n"))
        outputs.append(IVRProcess.run(["settings", "set", "remember-mfa.enabled", "on"], state: state))
        let text = try Self.write(
            "user alice@contoso.com\nat 2026-11-25T10:00:00Z\nip 203.0.113.7\nbrowser \(cookie)\nremember\nmethod text\ncode sent\n",
            "text.signin", in: dir)
        outputs.append(IVRProcess.run(["signin", text], state: state))
        outputs.append(IVRProcess.run(["signin", "--json", text], state: state))
        for args in [["log"], ["log", "--json"], ["users", "show", "alice@contoso.com"], ["users", "list", "--json"], ["outbox", "--json"]] {
            outputs.append(IVRProcess.run(args, state: state))
        }
        #expect(outputs.allSatisfy { $0.exitCode == 0 }, "\(outputs.map(\.stderr))")
        let signIn = try #require(try outputs[4].jsonLines().first)
        #expect(signIn["bypass"] as? String == "remembered-device")
        #expect(outputs[3].stdout.contains("text: verified"))
        let files = FileManager.default.enumerator(at: state, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        #expect(files.contains { $0.lastPathComponent == "ivr.sqlite" })
        // The SMS text is sealed: its words (and so its code) never sit in the database in plain.
        for secret in [pin, cookie, "is your verification code"] {
            for output in outputs {
                #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret), "\(secret) printed")
            }
            for file in files {
                guard let bytes = try? Data(contentsOf: file) else { continue }
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) in \(file.lastPathComponent)")
            }
        }
    }

    @Test("remember-MFA: revoke-mfa-sessions forgets every browser")
    func revoke() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["users", "add", "bob@contoso.com", "--phone", "+14255550101"], state: state).exitCode == 0)
        #expect(IVRProcess.run(["settings", "set", "remember-mfa.enabled", "on"], state: state).exitCode == 0)
        var paths: [String] = []
        for browser in ["b-1", "b-2"] {
            paths.append(try Self.write(
                "user bob@contoso.com\nat 2026-11-25T10:00:00Z\nip 203.0.113.7\nbrowser \(browser)\nremember\nmethod app-notification\napprove\n",
                "\(browser).signin", in: dir))
        }
        #expect(IVRProcess.run(["signin"] + paths, state: state).exitCode == 0)
        let again = try IVRProcess.run(["signin", "--json"] + paths, state: state).jsonLines()
        #expect(again.map { $0["bypass"] as? String } == ["remembered-device", "remembered-device"])
        let revoked = try IVRProcess.run(["users", "revoke-mfa-sessions", "bob@contoso.com", "--json"], state: state).jsonLines()
        #expect(revoked.first?["revoked"] as? String == "2")
        let after = try IVRProcess.run(["signin", "--json"] + paths, state: state).jsonLines()
        #expect(after.map { $0["bypass"] is NSNull } == [true, true])
        #expect(after.map { $0["method"] as? String } == ["app-notification", "app-notification"])
    }

    @Test("bad directory, location and setting input exits 1 and changes nothing")
    func badInput() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        #expect(IVRProcess.run(["users", "add", "alice@contoso.com", "--phone", "12"], state: state).exitCode == 1)
        #expect(IVRProcess.run(["users", "add", "alice", "--phone", "+14255550100"], state: state).exitCode == 1)
        #expect(IVRProcess.run(["users", "add", "alice@contoso.com"], state: state).exitCode == 2)
        #expect(IVRProcess.run(["users", "list", "--json"], state: state).stdout.isEmpty)
        #expect(IVRProcess.run(["users", "add", "alice@contoso.com", "--phone", "+14255550100"], state: state).exitCode == 0)
        for bad in ["12", "123456789", "12a4", ""] {
            let run = IVRProcess.run(["users", "set-pin", "alice@contoso.com"], state: state, stdin: bad + "\n")
            #expect(run.exitCode == 1, "\(bad)")
            #expect(bad.isEmpty || !run.stderr.contains(bad))
        }
        #expect(try IVRProcess.run(["users", "show", "alice@contoso.com", "--json"], state: state).jsonLines().first?["hasPIN"] as? Bool == false)
        #expect(IVRProcess.run(["locations", "add", "HQ", "--trusted", "10.0.0.1/8"], state: state).exitCode == 1)
        #expect(IVRProcess.run(["locations", "add", "HQ", "--trusted", "2001:db8:1::/48", "40.77.182.32/27"], state: state).exitCode == 0)
        let listed = try IVRProcess.run(["locations", "list", "--json"], state: state).jsonLines()
        #expect(listed.first?["trusted"] as? [String] == ["2001:db8:1::/48", "40.77.182.32/27"])
        #expect(IVRProcess.run(["settings", "set", "trusted-ips.ranges", "2001:db8::/32"], state: state).exitCode == 1)
        #expect(IVRProcess.run(["settings", "set", "methods.two-way-text", "on"], state: state).exitCode == 1)
        let days = IVRProcess.run(["settings", "set", "remember-mfa.days", "30"], state: state)
        #expect(days.exitCode == 0 && days.stderr.contains("90 days or more"))
        let malformed = try Self.write("user alice@contoso.com\nip 203.0.113.7\nmethod text\ncode 12x\n", "bad.signin", in: dir)
        let refused = IVRProcess.run(["signin", malformed], state: state)
        #expect(refused.exitCode == 1 && refused.stderr.contains("bad.signin:4:"))
    }
}
