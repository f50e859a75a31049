import Foundation
import Testing

/// Settings, greetings, blocks, log and outbox over HTTP, against the real `ivr serve`.
@Suite("ivr serve: admin routes")
struct AdminRouteTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/greetings")

    @Test("PATCH /v1/settings applies all or nothing; the CLI sees the change")
    func settings() throws {
        let state = try StateDirectory()
        let admin = try IVRCommand.createKey(role: "admin", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let url = "\(server.baseURL)/v1/settings"

        let refused = try HTTPClient.json("PATCH", url, key: admin, ["fraud.code": "19", "call.attempts": 11])
        #expect(refused.status == 422)
        #expect(refused.text.contains("call.attempts"))
        let after = try HTTPClient.send("GET", url, key: admin).json()
        #expect(after["fraud.code"] as? String == "0", "nothing may be half-applied")

        let applied = try HTTPClient.json("PATCH", url, key: admin, ["fraud.code": "19", "call.attempts": 4, "fraud.allow": false])
        #expect(applied.status == 200)
        let object = try applied.json()
        #expect(object["fraud.code"] as? String == "19")
        #expect(object["call.attempts"] as? String == "4")
        #expect(object["fraud.allow"] as? String == "off")
        let shown = try IVRCommand.run(["settings", "show", "--json"], state: state.url)
        #expect(shown.stdout.contains("\"fraud.code\":\"19\""))
        #expect(server.stop() == 0)
    }

    @Test("greetings: stored when valid, 415 for a wrong type, 422 with the validation object, 413 before the rest of a large body")
    func greetings() throws {
        let state = try StateDirectory()
        let admin = try IVRCommand.createKey(role: "admin", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let url = "\(server.baseURL)/v1/greetings/greeting-standard/de-DE"

        let wav = Self.samples.appendingPathComponent("accepted/hello.wav")
        let stored = try HTTPClient.send("PUT", url, key: admin, headers: ["Content-Type": "audio/wav"], bodyFile: wav)
        #expect(stored.status == 200, "\(stored.text)")
        let list = try HTTPClient.send("GET", "\(server.baseURL)/v1/greetings", key: admin).json()
        let greetings = try #require(list["greetings"] as? [[String: Any]])
        #expect(greetings.count == 1)

        let wrongType = try HTTPClient.send("PUT", url, key: admin, headers: ["Content-Type": "text/plain"], bodyFile: wav)
        #expect(wrongType.status == 415)
        // Declared MP3, is a WAV: the content decides, and it disagrees.
        let disagree = try HTTPClient.send("PUT", url, key: admin, headers: ["Content-Type": "audio/mpeg"], bodyFile: wav)
        #expect(disagree.status == 422)
        #expect(disagree.errorCode == "greeting-refused")
        let long = Self.samples.appendingPathComponent("rejected/exactly-20s.wav")
        let refused = try HTTPClient.send("PUT", url, key: admin, headers: ["Content-Type": "audio/wav"], bodyFile: long)
        #expect(refused.status == 422)
        let error = try #require(try refused.json()["error"] as? [String: Any])
        let validation = try #require(error["validation"] as? [String: Any])
        #expect(validation["accepted"] as? Bool == false)
        #expect(validation["format"] as? String == "wav")
        #expect((validation["reasons"] as? [String])?.isEmpty == false)

        // 1 MiB + 1 byte, declared and chunked: 413 either way, nothing stored.
        let scratch = try StateDirectory()
        let big = scratch.url.appendingPathComponent("big.wav")
        var bytes = try Data(contentsOf: wav)
        bytes.append(Data(count: 1_048_577 - bytes.count))
        try bytes.write(to: big)
        let declared = try HTTPClient.send("PUT", url, key: admin, headers: ["Content-Type": "audio/wav"], bodyFile: big)
        #expect(declared.status == 413)
        #expect(declared.errorCode == "payload-too-large")
        let chunked = try HTTPClient.send("PUT", url, key: admin, headers: ["Content-Type": "audio/wav"], bodyFile: big, chunked: true)
        #expect(chunked.status == 413)
        let still = try HTTPClient.send("GET", "\(server.baseURL)/v1/greetings", key: admin).json()
        #expect((still["greetings"] as? [[String: Any]])?.first?["sizeBytes"] as? Int == (try Data(contentsOf: wav)).count)

        #expect(try HTTPClient.send("PUT", "\(server.baseURL)/v1/greetings/no-such-type/de-DE", key: admin,
                                    headers: ["Content-Type": "audio/wav"], bodyFile: wav).status == 422)
        #expect(try HTTPClient.send("DELETE", url, key: admin).status == 200)
        #expect(try HTTPClient.send("DELETE", url, key: admin).status == 404)
        #expect(server.stop() == 0)
    }

    @Test("block and unblock a user; the next verification of a blocked user places no call")
    func blocks() throws {
        let state = try StateDirectory()
        let admin = try IVRCommand.createKey(role: "admin", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let base = server.baseURL
        let blockURL = "\(base)/v1/users/bob%40contoso.com/block"

        let blocked = try HTTPClient.json("POST", blockURL, key: admin, ["reason": "lost phone"])
        #expect(blocked.status == 200)
        #expect(try blocked.json()["blocked"] as? Bool == true)
        let created = try HTTPClient.json("POST", "\(base)/v1/verifications", key: admin,
                                          ["user": "bob@contoso.com", "phone": "+14255550100", "script": "answer\nlisten\npress #"])
        let id = try #require(try created.json()["id"] as? String)
        let done = try VerificationRouteTests.waitForEnd(base, id, key: admin)
        #expect(done["result"] as? String == "blocked")
        #expect(done["callerId"] is NSNull)

        let unblocked = try HTTPClient.send("DELETE", blockURL + "?reason=found%20it", key: admin)
        #expect(unblocked.status == 200)
        #expect(try unblocked.json()["lifted"] as? Bool == true)
        #expect(try HTTPClient.json("POST", "\(base)/v1/users/not%20a%20user/block", key: admin, [:]).status == 422)
        #expect(server.stop() == 0)
    }

    @Test("the log pages newest first with limit and before; the outbox lists queued mail")
    func logAndOutbox() throws {
        let state = try StateDirectory()
        let admin = try IVRCommand.createKey(role: "admin", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let base = server.baseURL
        #expect(try HTTPClient.json("PATCH", "\(base)/v1/settings", key: admin, ["notifications.emails": "sec@contoso.com"]).status == 200)
        var ids: [String] = []
        for (index, script) in ["answer\nlisten\npress #", "answer\nlisten\npress 0#", "no-answer"].enumerated() {
            let created = try HTTPClient.json("POST", "\(base)/v1/verifications", key: admin,
                                              ["user": "u\(index)@contoso.com", "phone": "+1425555010\(index)", "script": script])
            let id = try #require(try created.json()["id"] as? String)
            _ = try VerificationRouteTests.waitForEnd(base, id, key: admin)
            ids.append(id)
        }
        let first = try HTTPClient.send("GET", "\(base)/v1/log?limit=2", key: admin).json()
        let page1 = try #require(first["entries"] as? [[String: Any]])
        #expect(page1.map { $0["user"] as? String } == ["u2@contoso.com", "u1@contoso.com"])
        let next = try #require(first["next"] as? Int)
        let second = try HTTPClient.send("GET", "\(base)/v1/log?limit=2&before=\(next)", key: admin).json()
        let page2 = try #require(second["entries"] as? [[String: Any]])
        #expect(page2.map { $0["user"] as? String } == ["u0@contoso.com"])
        #expect(second["next"] is NSNull)
        #expect(try HTTPClient.send("GET", "\(base)/v1/log?limit=0", key: admin).status == 400)

        let outbox = try HTTPClient.send("GET", "\(base)/v1/outbox", key: admin).json()
        let messages = try #require(outbox["messages"] as? [[String: Any]])
        #expect(messages.count == 1)
        #expect(messages.first?["to"] as? String == "sec@contoso.com")
        #expect(try HTTPClient.json("POST", "\(base)/v1/signins", key: admin, [:]).status == 501)
        #expect(server.stop() == 0)
    }

    @Test("tokens import: a good CSV is 200; a mixed one imports its good rows and answers 422 with the CLI's error report")
    func tokensImport() throws {
        let state = try StateDirectory()
        let admin = try IVRCommand.createKey(role: "admin", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let url = "\(server.baseURL)/v1/tokens/import"
        let tokens = Self.samples.deletingLastPathComponent().appendingPathComponent("tokens")

        #expect(try HTTPClient.send("POST", url, key: admin, headers: ["Content-Type": "application/json"],
                                    bodyFile: tokens.appendingPathComponent("good.csv")).status == 415)
        let good = try HTTPClient.send("POST", url, key: admin, headers: ["Content-Type": "text/csv"],
                                       bodyFile: tokens.appendingPathComponent("good.csv"))
        #expect(good.status == 200, "\(good.text)")
        #expect((try good.json()["refused"] as? [Any])?.isEmpty == true)
        let mixed = try HTTPClient.send("POST", url, key: admin, headers: ["Content-Type": "text/csv"],
                                        bodyFile: tokens.appendingPathComponent("mixed.csv"))
        #expect(mixed.status == 422)
        #expect(mixed.errorCode == "tokens-refused")
        let result = try #require((try mixed.json()["error"] as? [String: Any])?["result"] as? [String: Any])
        let expectedReport = try String(contentsOf: tokens.appendingPathComponent("mixed.errors.csv"), encoding: .utf8)
        #expect(result["errorReport"] as? String == expectedReport)
        #expect((result["imported"] as? [Any])?.isEmpty == false)
        // No secret of the file is in any answer.
        #expect(!good.text.contains("MFWGSY3FFVUGC4TEO5QXEZJNNNSXSLJR") && !mixed.text.contains("MRQXMZJNNBQXEZDXMFZGKLLLMV4S2MBR"))
        let listed = try IVRCommand.run(["tokens", "list", "--json"], state: state.url)
        #expect(listed.stdout.contains("CT-100001") && listed.stdout.contains("CT-200001"))
        #expect(server.stop() == 0)
    }
}
