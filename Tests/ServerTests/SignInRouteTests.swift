import Foundation
import TestSupport
import Testing

/// `POST /v1/signins` and directory-backed `method pin` verifications, against the real `ivr serve`.
@Suite("ivr serve: sign-ins and the users directory")
struct SignInRouteTests {
    /// `ivr --state STATE ARGS...` with `input` on standard input (`users set-pin` reads the PIN there).
    static func run(_ args: [String], input: String, state: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = ServeProcess.executable
        process.arguments = ["--state", state.path] + args
        let pipe = Pipe()
        process.standardInput = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        pipe.fileHandleForWriting.write(Data(input.utf8))
        try pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A state with alice registered (standard) and bob registered with a PIN.
    static func directory() throws -> StateDirectory {
        let state = try StateDirectory()
        #expect(try IVRCommand.run(["users", "add", "alice@contoso.com", "--phone", "+1 425 555 0100"], state: state.url).exitCode == 0)
        #expect(try IVRCommand.run(["users", "add", "bob@contoso.com", "--phone", "+1 425 555 0111", "--method", "pin"], state: state.url).exitCode == 0)
        #expect(try run(["users", "set-pin", "bob@contoso.com"], input: "4321\n", state: state.url) == 0)
        return state
    }

    static let signInScript = """
        user alice@contoso.com
        at 2026-11-25T10:00:00Z
        ip 203.0.113.7
        call
          answer
          listen
          press #
        """

    @Test("a sign-in by call answers 200 with the object `ivr signin --json` prints for the same script")
    func signInByCall() throws {
        let state = try Self.directory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url).key
        // The same sign-in through the CLI, in a twin state, for the reference object.
        let twin = try Self.directory()
        let script = twin.url.appendingPathComponent("alice.signin")
        try Self.signInScript.write(to: script, atomically: true, encoding: .utf8)
        let cli = try IVRCommand.run(["signin", "--json", script.path], state: twin.url)
        #expect(cli.exitCode == 0, "\(cli.stderr)")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])

        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let answer = try HTTPClient.json("POST", "\(server.baseURL)/v1/signins", key: key, [
            "user": "alice@contoso.com", "at": "2026-11-25T10:00:00Z", "ip": "203.0.113.7", "method": "call",
            "call": "answer\nlisten\npress #\n",
        ])
        #expect(answer.status == 200, "\(answer.text)")
        let object = try answer.json()
        #expect(Set(object.keys) == Set(expected.keys))
        #expect(Set(object.keys).count == 13)
        for name in ["result", "detail", "bypass", "method", "kmsi", "session", "user"] {
            #expect(object[name] as? String == expected[name] as? String, "\(name)")
        }
        #expect(object["result"] as? String == "granted")
        #expect(object["file"] as? String == "request")
        let steps = try #require(object["steps"] as? [[String: String]])
        #expect(steps == (expected["steps"] as? [[String: String]]))
        let call = try #require(object["call"] as? [String: Any])
        #expect(call["result"] as? String == "verified")
        #expect(call["number"] as? String == (expected["call"] as? [String: Any])?["number"] as? String)

        // The sign-in is in the log, like the CLI's.
        let admin = try IVRCommand.createKey(role: "admin", state: state.url).key
        let log = try HTTPClient.send("GET", "\(server.baseURL)/v1/log?limit=5", key: admin).json()
        #expect((log["entries"] as? [[String: Any]])?.isEmpty == false)
        #expect(server.stop() == 0)
    }

    @Test("app notifications, a call object with a directory PIN, and refused sign-ins")
    func methodsAndRefusals() throws {
        let state = try Self.directory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let url = "\(server.baseURL)/v1/signins"
        let base: [String: Any] = ["user": "alice@contoso.com", "ip": "203.0.113.7"]

        let approved = try HTTPClient.json("POST", url, key: key, base.merging(["method": "app-notification", "notification": "approve"]) { $1 })
        #expect(approved.status == 200, "\(approved.text)")
        #expect(try approved.json()["result"] as? String == "granted")
        #expect(try approved.json()["method"] as? String == "app-notification")
        let denied = try HTTPClient.json("POST", url, key: key, base.merging(["method": "app-notification", "notification": "deny"]) { $1 })
        #expect(try denied.json()["result"] as? String == "denied")

        // A text code: the simulated handset types back what the outbox sealed; a wrong code is denied.
        let sent = try HTTPClient.json("POST", url, key: key, base.merging(["method": "text", "code": "sent"]) { $1 })
        #expect(sent.status == 200, "\(sent.text)")
        #expect(try sent.json()["result"] as? String == "granted")
        #expect(try sent.json()["method"] as? String == "text")
        let mistyped = try HTTPClient.json("POST", url, key: key, base.merging(["method": "text", "code": ["0000"]]) { $1 })
        #expect(try mistyped.json()["result"] as? String == "denied")

        // Bob's call takes the number, method and PIN hash from the directory.
        let bob: [String: Any] = ["user": "bob@contoso.com", "ip": "203.0.113.7", "client": "browser", "remember": true, "browser": "b-1"]
        let right = try HTTPClient.json("POST", url, key: key, bob.merging(["call": ["script": "answer\nlisten\npress 4321#\nlisten\n"]]) { $1 })
        #expect(right.status == 200, "\(right.text)")
        #expect(try right.json()["result"] as? String == "granted")
        #expect(!right.text.contains("4321"))
        let wrong = try HTTPClient.json("POST", url, key: key, bob.merging(["call": "answer\nlisten\npress 1111#\nlisten\n"]) { $1 })
        #expect(try wrong.json()["result"] as? String == "denied")

        let bad: [([String: Any], String)] = [
            (["user": "alice@contoso.com", "ip": "999.1.1.1"], "ip"),
            (["user": "alice@contoso.com", "ip": "203.0.113.7\nguest"], "ip"),
            (["user": "not a user", "ip": "203.0.113.7"], "user"),
            (["user": "alice", "ip": "203.0.113.7"], "user"),
            (base.merging(["risk": "extreme"]) { $1 }, "risk"),
            (base.merging(["at": "yesterday"]) { $1 }, "at"),
            (base.merging(["method": "app-notification", "notification": "maybe"]) { $1 }, "notification"),
            (base.merging(["method": "text", "notification": "approve"]) { $1 }, "notification"),
            (base.merging(["call": "user eve@contoso.com\nanswer\n"]) { $1 }, "call line 1"),
            (base.merging(["call": "answer\npress 5x\n"]) { $1 }, "call line 2"),
        ]
        for (body, field) in bad {
            let answer = try HTTPClient.json("POST", url, key: key, body)
            #expect(answer.status == 422, "\(body): \(answer.text)")
            #expect(answer.text.contains("\(field):"), "\(answer.text) should name \(field)")
        }
        let malformed = try HTTPClient.send("POST", url, key: key, headers: ["Content-Type": "application/json"], body: Data("{\"user\":".utf8))
        #expect(malformed.status == 400)
        #expect(malformed.errorCode == "malformed-json")
        let unknown = try HTTPClient.json("POST", url, key: key, base.merging(["first-factor": "password"]) { $1 })
        #expect(unknown.status == 400)
        #expect(unknown.errorCode == "unknown-field")
        let nested = try HTTPClient.json("POST", url, key: key, base.merging(["call": ["script": "answer\n", "pin": "1234"]]) { $1 })
        #expect(nested.status == 400)
        #expect(nested.errorCode == "unknown-field")
        #expect(nested.text.contains("call.pin"))
        #expect(try HTTPClient.json("POST", url, key: nil, base).status == 401)
        #expect(server.stop() == 0)
    }

    @Test("sign-ins count in /metrics, by result, and their calls among the calls ended")
    func signInMetrics() throws {
        let state = try Self.directory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let url = "\(server.baseURL)/v1/signins"
        let base: [String: Any] = ["user": "alice@contoso.com", "ip": "203.0.113.7"]
        for body in [
            base.merging(["call": "answer\nlisten\npress #\n"]) { $1 },
            base.merging(["method": "app-notification", "notification": "approve"]) { $1 },
            // Last: the fraud report blocks alice.
            base.merging(["call": "answer\nlisten\npress 0#\n"]) { $1 },
        ] {
            let answer = try HTTPClient.json("POST", url, key: key, body)
            #expect(answer.status == 200, "\(answer.text)")
        }
        let metrics = try HTTPClient.send("GET", "\(server.baseURL)/metrics", key: nil).text
        let lines = Set(metrics.split(separator: "\n").map(String.init))
        #expect(lines.contains("ivr_signins_total{result=\"granted\"} 2"), "\(metrics)")
        #expect(lines.contains("ivr_signins_total{result=\"denied\"} 1"), "\(metrics)")
        // Two of the three placed a call (the app notification placed none); none is left in progress.
        #expect(lines.contains("ivr_calls_total{result=\"verified\"} 1"), "\(metrics)")
        #expect(lines.contains("ivr_calls_total{result=\"fraud_reported\"} 1"), "\(metrics)")
        #expect(lines.contains("ivr_calls_in_progress 0"), "\(metrics)")
        #expect(server.stop() == 0)
    }

    @Test("a fraud report during a sign-in's call sends its alert mail")
    func signInFraudMail() throws {
        let state = try Self.directory()
        let sink = state.url.appendingPathComponent("mail.txt")
        for (name, value) in [("notifications.emails", "soc@contoso.com"), ("notifications.command", "cat >> '\(sink.path)'")] {
            #expect(try IVRCommand.run(["settings", "set", name, value], state: state.url).exitCode == 0)
        }
        let key = try IVRCommand.createKey(role: "integrator", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let answer = try HTTPClient.json("POST", "\(server.baseURL)/v1/signins", key: key, [
            "user": "alice@contoso.com", "ip": "203.0.113.7", "call": "answer\nlisten\npress 0#\n",
        ])
        #expect(answer.status == 200, "\(answer.text)")
        #expect(try answer.json()["result"] as? String == "denied")
        // The mail is delivered before the answer is sent.
        let mail = (try? String(contentsOf: sink, encoding: .utf8)) ?? ""
        #expect(mail.contains("To: soc@contoso.com"))
        #expect(mail.contains("alice@contoso.com"))
        #expect(server.stop() == 0)

        // `ivr signin` delivers it as well.
        let script = state.url.appendingPathComponent("carol.signin")
        try "user carol@contoso.com\nip 203.0.113.7\ncall\n  phone +1 425 555 0199\n  answer\n  listen\n  press 0#\n"
            .write(to: script, atomically: true, encoding: .utf8)
        let cli = try IVRCommand.run(["signin", script.path], state: state.url)
        #expect(cli.exitCode == 0, "\(cli.stderr)")
        #expect(((try? String(contentsOf: sink, encoding: .utf8)) ?? "").contains("carol@contoso.com"))
    }

    @Test("method pin verifications take the number, method and PIN hash from the users directory")
    func pinVerification() throws {
        let state = try Self.directory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let url = "\(server.baseURL)/v1/verifications"
        func verify(_ body: [String: Any]) throws -> [String: Any] {
            let created = try HTTPClient.json("POST", url, key: key, body)
            #expect(created.status == 201, "\(created.text)")
            let id = try #require(try created.json()["id"] as? String)
            return try VerificationRouteTests.waitForEnd(server.baseURL, id, key: key)
        }
        let right = try verify(["user": "bob@contoso.com", "script": "answer\nlisten\npress 4321#\nlisten\n"])
        #expect(right["result"] as? String == "verified")
        // The directory's method: the PIN greeting was played, though the body named no method.
        let prompts = (right["prompts"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
        #expect(prompts.first == "fraud-greeting-pin", "\(prompts)")
        #expect(!String(decoding: try JSONSerialization.data(withJSONObject: right), as: UTF8.self).contains("4321"))
        let wrong = try verify(["user": "bob@contoso.com", "method": "pin", "script": "answer\nlisten\npress 1111#\nlisten\n"])
        #expect(wrong["result"] as? String == "denied")
        #expect(wrong["detail"] as? String == "MFA denied; invalid PIN")

        for (body, field) in [
            (["user": "carol@contoso.com", "script": "answer\n"], "phone"),
            (["user": "alice@contoso.com", "method": "pin", "script": "answer\n"], "method"),
            (["user": "carol@contoso.com", "phone": "+14255550100", "method": "pin", "script": "answer\n"], "method"),
        ] {
            let answer = try HTTPClient.json("POST", url, key: key, body)
            #expect(answer.status == 422, "\(body): \(answer.text)")
            #expect(answer.text.contains("\(field):"), "\(answer.text) should name \(field)")
        }
        #expect(server.stop() == 0)
    }

    @Test("mutated sign-in bodies never crash the server nor draw a 5xx")
    func fuzzedSignIns() throws {
        let state = try Self.directory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let seeds = [
            #"{"user":"alice@contoso.com","ip":"203.0.113.7","method":"call","remember":true,"browser":"b-1","call":"answer\nlisten\npress #\n"}"#,
            #"{"user":"bob@contoso.com","ip":"2001:db8::7","client":"rich-client","appPassword":true,"call":{"script":"answer\npress 4321#\n","language":"fr-FR","activation":false}}"#,
            #"{"user":"alice@contoso.com","ip":"10.0.0.1","method":"text","code":["1234","sent"],"staySignedIn":"yes","risk":"low"}"#,
            #"{"user":"alice@contoso.com","ip":"203.0.113.7","method":"app-notification","notification":"approve","firstFactor":"adfs-iwa","claim":"inside-corporate-network"}"#,
        ]
        var random = SplitMix64(seed: 0x5161_2026)
        for index in 0..<80 {
            let body = FuzzTests.mutate(seeds[index % seeds.count], &random)
            let answer = try HTTPClient.send(
                "POST", "\(server.baseURL)/v1/signins", key: key, headers: ["Content-Type": "application/json"], body: body)
            #expect([200, 400, 422].contains(answer.status), "\(answer.status) for \(String(decoding: body, as: UTF8.self)): \(answer.text)")
        }
        #expect(try HTTPClient.send("GET", "\(server.baseURL)/healthz").status == 200)
        #expect(server.stop() == 0)
    }
}
