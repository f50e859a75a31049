import Foundation
import Testing

/// SPEC §5 and issue 6: a fraud report queues one RFC 5322 e-mail per configured address; a
/// delivery command that fails keeps them queued, and a later `outbox --deliver` sends each exactly once.
@Suite("fraud alert e-mail through the outbox")
struct FraudNotificationTests {
    @Test("a failing delivery command keeps both mails queued; a working one delivers each exactly once")
    func failedThenDeliveredOnce() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let mailbox = dir.url.appendingPathComponent("mailbox")
        let failing = try dir.writeExecutable("#!/bin/sh\ncat >/dev/null\necho 'relay refused' >&2\nexit 1\n", to: "fail.sh")
        let appending = try dir.writeExecutable(
            "#!/bin/sh\n{ cat; printf '\\n--END-OF-MESSAGE--\\n'; } >> '\(mailbox.path)'\nexit 0\n", to: "deliver.sh")

        #expect(IVRProcess.run(["settings", "set", "notifications.emails", "a@example.com,b@example.com"], state: state).exitCode == 0)
        #expect(IVRProcess.run(["settings", "set", "notifications.command", failing.path], state: state).exitCode == 0)

        let script = try CallScriptText.fraud("mallory@contoso.com", at: "2026-11-25T10:00:00Z").write(in: dir.url, as: "fraud")
        let report = try #require(try IVRProcess.calls([script], state: state).first)
        #expect(report["result"] as? String == "fraud_reported")
        #expect(report["detail"] as? String == "MFA denied; Fraud Code Entered")
        #expect(report["notifications"] as? Int == 2)

        let queued = try IVRProcess.run(["outbox", "--json"], state: state).jsonLines()
        #expect(queued.count == 2)
        #expect(Set(queued.compactMap { $0["to"] as? String }) == ["a@example.com", "b@example.com"])
        for message in queued {
            #expect(message["status"] as? String == "queued")
            #expect((message["lastError"] as? String)?.isEmpty == false, "a failed delivery must say why")
        }
        #expect(!FileManager.default.fileExists(atPath: mailbox.path))

        // Fraud with auto-block on: the next call is `blocked`, no call placed, no new mail.
        let next = try #require(try IVRProcess.calls([script], state: state).first)
        #expect(next["result"] as? String == "blocked")
        #expect(next["notifications"] as? Int == 0)

        #expect(IVRProcess.run(["settings", "set", "notifications.command", appending.path], state: state).exitCode == 0)
        let delivered = IVRProcess.run(["outbox", "--deliver", "--json"], state: state)
        #expect(delivered.exitCode == 0, "\(delivered.stderr)")
        let sent = try delivered.jsonLines()
        #expect(sent.count == 2)
        #expect(sent.allSatisfy { $0["status"] as? String == "sent" })

        let messages = try Self.messages(in: mailbox)
        #expect(messages.count == 2)
        for message in messages {
            let headers = message.components(separatedBy: "\r\n\r\n").first ?? ""
            for header in ["From", "To", "Subject", "Date", "Message-ID"] {
                #expect(headers.range(of: "(^|\r\n)\(header): \\S", options: .regularExpression) != nil, "no \(header) header")
            }
            #expect(message.contains("mallory@contoso.com"))
        }
        #expect(Set(messages.compactMap { $0.firstMatch(of: /\r\nTo: ([^\r]*)/).map { String($0.1) } }) == ["a@example.com", "b@example.com"])

        // Delivering again sends nothing twice.
        #expect(IVRProcess.run(["outbox", "--deliver"], state: state).exitCode == 0)
        #expect(try Self.messages(in: mailbox).count == 2)
        // Nor does a later call (the service may retry queued mail on every run).
        _ = try IVRProcess.calls([try CallScriptText.confirm("alice@contoso.com").write(in: dir.url, as: "ok")], state: state)
        #expect(try Self.messages(in: mailbox).count == 2)
    }

    @Test("with a working command configured up front, the fraud call's mails are sent once and never again")
    func deliveredAtOnce() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let mailbox = dir.url.appendingPathComponent("mailbox")
        let appending = try dir.writeExecutable(
            "#!/bin/sh\n{ cat; printf '\\n--END-OF-MESSAGE--\\n'; } >> '\(mailbox.path)'\nexit 0\n", to: "deliver.sh")
        #expect(IVRProcess.run(["settings", "set", "notifications.emails", "soc@example.com"], state: state).exitCode == 0)
        #expect(IVRProcess.run(["settings", "set", "notifications.command", appending.path], state: state).exitCode == 0)
        let script = try CallScriptText.fraud("mallory@contoso.com").write(in: dir.url, as: "fraud")
        #expect(try IVRProcess.calls([script], state: state).first?["notifications"] as? Int == 1)
        #expect(IVRProcess.run(["outbox", "--deliver"], state: state).exitCode == 0)
        let outbox = try IVRProcess.run(["outbox", "--json"], state: state).jsonLines()
        #expect(outbox.count == 1)
        #expect(outbox.first?["status"] as? String == "sent")
        #expect(try Self.messages(in: mailbox).count == 1)
    }

    @Test("two `outbox --deliver` at once still deliver each queued mail exactly once")
    func concurrentDeliveryOnce() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let mailbox = dir.url.appendingPathComponent("mailbox")
        // A slow relay (as sendmail to a remote host is): it widens the window in which both
        // processes see the same queued message; nothing is asserted about time.
        let slow = try dir.writeExecutable(
            "#!/bin/sh\nsleep 0.3\n{ cat; printf '\\n--END-OF-MESSAGE--\\n'; } >> '\(mailbox.path)'\nexit 0\n", to: "slow.sh")
        #expect(try Self.queueFraudMail(to: "a@example.com,b@example.com", in: dir, state: state) == 2)
        #expect(IVRProcess.run(["settings", "set", "notifications.command", slow.path], state: state).exitCode == 0)

        let both = try (0..<2).map { _ in try IVRProcess.start(["outbox", "--deliver"], state: state) }
        let results = both.map { $0.finish() }
        #expect(results.allSatisfy { $0.exitCode == 0 })
        let outbox = try IVRProcess.run(["outbox", "--json"], state: state).jsonLines()
        #expect(outbox.count == 2)
        #expect(outbox.allSatisfy { $0["status"] as? String == "sent" })
        let delivered = try Self.messages(in: mailbox).count
        #expect(delivered == 2)
    }

    /// A command writing more than a pipe buffer (64 KiB) to standard error once hung delivery,
    /// which read that output only after the command exited. A watchdog kills `ivr` after 120 s so a
    /// regression fails rather than hangs.
    @Test("a delivery command that writes a lot to standard error is still delivered")
    func noisyDeliveryCommand() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let noisy = try dir.writeExecutable(
            "#!/bin/sh\ncat >/dev/null\nhead -c 200000 /dev/zero | tr '\\000' x >&2\nexit 0\n", to: "noisy.sh")
        #expect(try Self.queueFraudMail(to: "a@example.com", in: dir, state: state) == 1)
        #expect(IVRProcess.run(["settings", "set", "notifications.command", noisy.path], state: state).exitCode == 0)
        let delivered = try IVRProcess.start(["outbox", "--deliver", "--json"], state: state).finish(killingAfter: 120)
        #expect(!delivered.killed, "ivr outbox --deliver did not return")
        #expect(delivered.exitCode == 0)
        #expect(try delivered.jsonLines().first?["status"] as? String == "sent")
    }

    @Test("outbox --deliver with no delivery command is refused with exit 1")
    func deliverWithoutCommand() throws {
        let dir = try TemporaryDirectory()
        let ran = IVRProcess.run(["outbox", "--deliver"], state: dir.url.appendingPathComponent("state"))
        #expect(ran.exitCode == 1)
        #expect(ran.stderr.contains("notifications.command"))
    }

    /// Configures `emails` with a delivery command that always fails, then runs one fraud call, so
    /// its mails stay queued. Returns the call's `notifications` count.
    static func queueFraudMail(to emails: String, in dir: TemporaryDirectory, state: URL) throws -> Int? {
        let failing = try dir.writeExecutable("#!/bin/sh\ncat >/dev/null\nexit 1\n", to: "fail.sh")
        #expect(IVRProcess.run(["settings", "set", "notifications.emails", emails], state: state).exitCode == 0)
        #expect(IVRProcess.run(["settings", "set", "notifications.command", failing.path], state: state).exitCode == 0)
        let script = try CallScriptText.fraud("mallory@contoso.com").write(in: dir.url, as: "fraud")
        return try IVRProcess.calls([script], state: state).first?["notifications"] as? Int
    }

    /// The messages the delivery script appended, split on its end marker.
    static func messages(in mailbox: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: mailbox.path) else { return [] }
        let text = try String(contentsOf: mailbox, encoding: .utf8)
        return text.components(separatedBy: "\n--END-OF-MESSAGE--\n").filter {
            !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }
}

/// Issue 12: `outbox --deliver` says what it did and fails when a delivery failed; a call's mail
/// goes out after its report is printed, and a failure is said on standard error.
@Suite("mail delivery reports")
struct MailDeliveryReportTests {
    @Test("outbox --deliver prints a summary and exits 1 when a delivery failed, 0 when all went out")
    func deliverSummary() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let failing = try dir.writeExecutable("#!/bin/sh\ncat >/dev/null\necho 'relay refused' >&2\nexit 1\n", to: "refuse.sh")
        #expect(try FraudNotificationTests.queueFraudMail(to: "a@example.com,b@example.com", in: dir, state: state) == 2)
        #expect(IVRProcess.run(["settings", "set", "notifications.command", failing.path], state: state).exitCode == 0)
        let failed = IVRProcess.run(["outbox", "--deliver"], state: state)
        #expect(failed.exitCode == 1)
        #expect(failed.stdout.contains("Delivered 0 of 2 queued messages; 2 failed"), "\(failed.stdout)")
        #expect(failed.stderr.contains("relay refused"), "\(failed.stderr)")

        #expect(IVRProcess.run(["settings", "set", "notifications.command", "cat >/dev/null"], state: state).exitCode == 0)
        let sent = IVRProcess.run(["outbox", "--deliver"], state: state)
        #expect(sent.exitCode == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("Delivered 2 of 2 queued messages."), "\(sent.stdout)")
    }

    @Test("a call's mail is delivered after its report is printed; a failed delivery is said on stderr")
    func callMail() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let out = dir.url.appendingPathComponent("out")
        let mailbox = dir.url.appendingPathComponent("mailbox")
        // The delivery command accepts the mail only when the call's report is already on stdout.
        let command = "grep -q fraud_reported '\(out.path)' && cat > '\(mailbox.path)'"
        #expect(IVRProcess.run(["settings", "set", "notifications.emails", "soc@example.com"], state: state).exitCode == 0)
        #expect(IVRProcess.run(["settings", "set", "notifications.command", command], state: state).exitCode == 0)
        let script = try CallScriptText.fraud("mallory@contoso.com", at: "2026-11-25T10:00:00Z").write(in: dir.url, as: "fraud")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let process = Process()
        process.executableURL = IVRProcess.executable
        process.arguments = ["--state", state.path, "--json", "call", script.path]
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: mailbox.path), "the mail went out before the report was printed")

        // A relay that refuses: the call still succeeds, and says the mail is waiting.
        #expect(IVRProcess.run(["users", "unblock", "mallory@contoso.com", "--reason", "test"], state: state).exitCode == 0)
        #expect(IVRProcess.run(["settings", "set", "notifications.command", "exit 3"], state: state).exitCode == 0)
        let ran = IVRProcess.run(["--json", "call", script.path], state: state)
        #expect(ran.exitCode == 0)
        #expect(ran.stderr.contains("not delivered to soc@example.com"), "\(ran.stderr)")
        #expect(ran.stderr.contains("ivr outbox --deliver"), "\(ran.stderr)")
    }
}
