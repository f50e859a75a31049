import Cryptography
import Foundation
import Server
import Testing
import VerificationStore

/// `POST/GET /v1/verifications`, cancel, throttles and callbacks, against the real `ivr serve`.
@Suite("ivr serve: verifications")
struct VerificationRouteTests {
    static let confirm = "answer\nlisten\npress #\n"

    /// Polls GET every 20 ms until the verification has ended; the limit only turns a hang into a
    /// failure (a live PIN call lasts several seconds of real time: it asks for more polls).
    static func waitForEnd(_ base: String, _ id: String, key: String, polls: Int = 500) throws -> [String: Any] {
        for _ in 0..<polls {
            let object = try HTTPClient.send("GET", "\(base)/v1/verifications/\(id)", key: key).json()
            if let status = object["status"] as? String, status == "completed" || status == "canceled" { return object }
            usleep(20_000)
        }
        Issue.record("verification \(id) never ended")
        return [:]
    }

    @Test("a simulated verification completes with its call report; owners and admins read it, others get 404")
    func lifecycle() throws {
        let state = try StateDirectory()
        let integrator = try IVRCommand.createKey(role: "integrator", state: state.url)
        let other = try IVRCommand.createKey(role: "integrator", state: state.url)
        let admin = try IVRCommand.createKey(role: "admin", state: state.url)
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let base = server.baseURL

        let created = try HTTPClient.json("POST", "\(base)/v1/verifications", key: integrator.key,
                                          ["user": "alice@contoso.com", "phone": "+1 425 555 0100 x1234", "script": "answer\nlisten\npress #\nlisten\npress #\n"])
        #expect(created.status == 201)
        let id = try #require(try created.json()["id"] as? String)
        #expect(created.headers["location"] == "/v1/verifications/\(id)")
        let done = try Self.waitForEnd(base, id, key: integrator.key)
        #expect(done["status"] as? String == "completed")
        #expect(done["result"] as? String == "verified")
        #expect(done["detail"] as? String == "MFA successfully completed")
        #expect(done["digitsSent"] as? String == "1234")
        #expect(done["callerId"] as? String != nil)
        #expect((done["prompts"] as? [Any])?.isEmpty == false)
        #expect(done["endedAt"] as? String != nil)

        #expect(try HTTPClient.send("GET", "\(base)/v1/verifications/\(id)", key: other.key).status == 404)
        #expect(try HTTPClient.send("GET", "\(base)/v1/verifications/\(id)", key: admin.key).status == 200)
        #expect(try HTTPClient.send("GET", "\(base)/v1/verifications/nosuchid", key: integrator.key).status == 404)
        let cancel = try HTTPClient.send("POST", "\(base)/v1/verifications/\(id)/cancel", key: integrator.key)
        #expect(cancel.status == 409)
        #expect(cancel.errorCode == "conflict")

        // The call is in the sign-in log like any other.
        let log = try HTTPClient.send("GET", "\(base)/v1/log?limit=5", key: admin.key).json()
        let entries = try #require(log["entries"] as? [[String: Any]])
        #expect(entries.first?["result"] as? String == "verified")
        #expect(server.stop() == 0)
    }

    @Test("a fraud report over the API sends its alert mail through the delivery command")
    func fraudMailDelivered() throws {
        let state = try StateDirectory()
        let sink = state.url.appendingPathComponent("mail.txt")
        for (key, value) in [("notifications.emails", "soc@contoso.com"), ("notifications.command", "cat >> '\(sink.path)'")] {
            #expect(try IVRCommand.run(["settings", "set", key, value], state: state.url).exitCode == 0)
        }
        let integrator = try IVRCommand.createKey(role: "integrator", state: state.url)
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let created = try HTTPClient.json("POST", "\(server.baseURL)/v1/verifications", key: integrator.key,
                                          ["user": "mallory@contoso.com", "phone": "+1 425 555 0100", "script": "answer\nlisten\npress 0#\n"])
        #expect(created.status == 201)
        let id = try #require(try created.json()["id"] as? String)
        let done = try Self.waitForEnd(server.baseURL, id, key: integrator.key)
        #expect(done["result"] as? String == "fraud_reported")
        #expect(done["notifications"] as? Int == 1)
        // Delivery follows the recorded call; give it a bounded while.
        var mail = ""
        for _ in 0..<250 where !mail.contains("mallory@contoso.com") {
            mail = (try? String(contentsOf: sink, encoding: .utf8)) ?? ""
            usleep(20_000)
        }
        #expect(mail.contains("To: soc@contoso.com"))
        #expect(mail.contains("mallory@contoso.com"))
        #expect(server.stop() == 0)
    }

    @Test("a missing script, a header line in the script, a bad user or method are 422")
    func refusedRequests() throws {
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let url = "\(server.baseURL)/v1/verifications"
        let cases: [([String: Any], String)] = [
            (["user": "alice@contoso.com", "phone": "+14255550100"], "script"),
            (["user": "alice@contoso.com", "phone": "+14255550100", "script": "answer\npin 1234\n"], "script line 2"),
            (["user": "alice@contoso.com", "phone": "+14255550100", "script": "answer\npress 5x\n"], "script line 2"),
            (["user": "not a user", "phone": "+14255550100", "script": Self.confirm], "user"),
            (["user": "alice@contoso.com", "phone": "+14255550100", "method": "voice", "script": Self.confirm], "method"),
            (["user": "alice@contoso.com", "phone": "+14255550100\npin 1", "script": Self.confirm], "phone"),
            (["user": "alice@contoso.com", "phone": "+14255550100", "script": Self.confirm, "callbackUrl": "http://example.com/hook"], "callback"),
        ]
        for (body, place) in cases {
            let answer = try HTTPClient.json("POST", url, key: key, body)
            #expect(answer.status == 422, "\(body)")
            #expect(answer.text.contains(place), "\(answer.text) should name \(place)")
        }
        #expect(server.stop() == 0)
    }

    @Test("the toll-fraud throttle answers 429 with Retry-After; refused requests do not count")
    func throttle() throws {
        let state = try StateDirectory()
        let admin = try IVRCommand.createKey(role: "admin", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let base = server.baseURL
        let patched = try HTTPClient.json("PATCH", "\(base)/v1/settings", key: admin, ["throttle.calls-per-number": 2, "throttle.calls-per-user": 3])
        #expect(patched.status == 200)

        func start(_ user: String, _ phone: String) throws -> HTTPClient.Response {
            try HTTPClient.json("POST", "\(base)/v1/verifications", key: admin, ["user": user, "phone": phone, "script": Self.confirm])
        }
        #expect(try start("a@contoso.com", "+14255550100").status == 201)
        // The same number spelled differently is the same number.
        #expect(try start("b@contoso.com", "+1 (425) 555-0100").status == 201)
        let third = try start("c@contoso.com", "+14255550100")
        #expect(third.status == 429)
        #expect(third.errorCode == "throttled")
        let retryAfter = try #require(third.headers["retry-after"].flatMap(Int.init))
        #expect(retryAfter >= 1 && retryAfter <= 300)
        // Per user: 3 accepted, the fourth refused, whatever the number.
        #expect(try start("d@contoso.com", "+14255550101").status == 201)
        #expect(try start("d@contoso.com", "+14255550102").status == 201)
        #expect(try start("d@contoso.com", "+14255550103").status == 201)
        #expect(try start("d@contoso.com", "+14255550104").status == 429)
        #expect(server.stop() == 0)
    }

    @Test("fifty verifications started in parallel all complete")
    func fiftyInParallel() throws {
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let base = server.baseURL
        let ids = Locked<[String]>([])
        let statuses = Locked<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 50) { index in
            let answer = try? HTTPClient.json("POST", "\(base)/v1/verifications", key: key,
                                              ["user": "user\(index)@contoso.com", "phone": "+1425555\(String(format: "%04d", index))", "script": Self.confirm])
            statuses.mutate { $0.append(answer?.status ?? 0) }
            if let id = try? answer?.json()["id"] as? String { ids.mutate { $0.append(id) } }
        }
        #expect(statuses.value.filter { $0 == 201 }.count == 50, "\(statuses.value)")
        #expect(Set(ids.value).count == 50)
        for id in ids.value {
            let done = try Self.waitForEnd(base, id, key: key)
            #expect(done["result"] as? String == "verified")
        }
        #expect(server.stop() == 0)
    }

    @Test("a callback reaches a listed host, signed with HMAC-SHA256 of the body under the creating key")
    func signedCallback() throws {
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "admin", state: state.url).key
        let receiver = CallbackReceiver()
        let listener = try HTTPDaemon(HTTPDaemonConfiguration(host: "127.0.0.1", port: 0), handler: receiver)
        defer { listener.stop() }
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let base = server.baseURL

        let hosts = try HTTPClient.json("PATCH", "\(base)/v1/settings", key: key, ["api.callback-hosts": "127.0.0.1:\(listener.port)"])
        #expect(hosts.status == 200)
        let created = try HTTPClient.json("POST", "\(base)/v1/verifications", key: key,
                                          ["user": "alice@contoso.com", "phone": "+14255550100", "script": Self.confirm,
                                           "callbackUrl": "http://127.0.0.1:\(listener.port)/hooks/ivr?tenant=7"])
        #expect(created.status == 201)
        let id = try #require(try created.json()["id"] as? String)

        var received: HTTPRequest?
        for _ in 0..<500 where received == nil {
            received = receiver.requests.value.first
            usleep(20_000)
        }
        let callback = try #require(received, "no callback arrived")
        #expect(callback.head.method == "POST")
        #expect(callback.head.path == "/hooks/ivr")
        #expect(callback.head.query["tenant"] == "7")
        let signature = try #require(callback.head.header("x-ivr-signature"))
        let expected = "sha256=" + Hex.encode(HMAC.authenticate(Array(callback.body), key: Array(key.utf8), using: .sha256))
        #expect(signature == expected)
        let object = try #require(try JSONSerialization.jsonObject(with: callback.body) as? [String: Any])
        #expect(object["id"] as? String == id)
        #expect(object["status"] as? String == "completed")
        #expect(object["result"] as? String == "verified")
        #expect(server.stop() == 0)
    }

    @Test("a refused callback is retried until the receiver accepts it, with the same body and signature")
    func callbackRetried() throws {
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "integrator", state: state.url).key
        let admin = try IVRCommand.createKey(role: "admin", state: state.url).key
        let receiver = CallbackReceiver(failing: 2)
        let listener = try HTTPDaemon(HTTPDaemonConfiguration(host: "127.0.0.1", port: 0), handler: receiver)
        defer { listener.stop() }
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let base = server.baseURL
        #expect(try HTTPClient.json("PATCH", "\(base)/v1/settings", key: admin, ["api.callback-hosts": "127.0.0.1"]).status == 200)
        let created = try HTTPClient.json("POST", "\(base)/v1/verifications", key: key,
                                          ["user": "alice@contoso.com", "phone": "+14255550100", "script": "answer\nlisten\npress 0#\n",
                                           "callbackUrl": "http://127.0.0.1:\(listener.port)/hook"])
        #expect(created.status == 201)
        // Back-off of 1 s then 2 s: the third try is accepted.
        for _ in 0..<1000 where receiver.requests.value.count < 3 { usleep(20_000) }
        let deliveries = receiver.requests.value
        #expect(deliveries.count == 3)
        #expect(Set(deliveries.map(\.body)).count == 1)
        #expect(Set(deliveries.compactMap { $0.head.header("x-ivr-signature") }).count == 1)
        let last = try #require(deliveries.last)
        let object = try #require(try JSONSerialization.jsonObject(with: last.body) as? [String: Any])
        #expect(object["result"] as? String == "fraud_reported")
        #expect(server.stop() == 0)
    }

    @Test("a server killed with SIGKILL during a burst loses no result: after a restart every verification has ended, each completed one logged once")
    func killedDuringBurst() throws {
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "admin", state: state.url).key
        var ids: [String] = []
        do {
            let server = try ServeProcess(state: state.url)
            _ = try HTTPClient.json("PATCH", "\(server.baseURL)/v1/settings", key: key, ["throttle.calls-per-user": 1000])
            for index in 0..<20 {
                let created = try HTTPClient.json("POST", "\(server.baseURL)/v1/verifications", key: key,
                                                  ["user": "burst@contoso.com", "phone": "+1425555\(String(format: "%04d", index))", "script": Self.confirm])
                if let id = try? created.json()["id"] as? String { ids.append(id) }
            }
            server.kill()
        }
        #expect(ids.count == 20)
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        var completed = 0
        for id in ids {
            let object = try HTTPClient.send("GET", "\(server.baseURL)/v1/verifications/\(id)", key: key).json()
            let status = object["status"] as? String
            #expect(status == "completed" || status == "canceled", "\(id) is \(status ?? "missing")")
            if status == "completed" {
                completed += 1
                #expect(object["result"] as? String == "verified")
            }
        }
        let log = try HTTPClient.send("GET", "\(server.baseURL)/v1/log?limit=1000", key: key).json()
        #expect((log["entries"] as? [Any])?.count == completed)
        #expect(server.stop() == 0)
    }

    @Test("a verification queued by a server killed mid-call is ended when the next one starts")
    func unfinishedEndedAtStart() throws {
        let state = try StateDirectory()
        let key = try IVRCommand.createKey(role: "admin", state: state.url)
        do {
            let store = try VerificationStore(directory: state.url)
            let record = VerificationRecord(
                id: "leftover", keyID: key.id, user: "alice@contoso.com", number: "+14255550100", status: .calling,
                requestJSON: "{}", callbackURL: nil, createdAt: Date())
            #expect(try store.insertVerification(record, throttle: .init(perNumber: 5, perUser: 10)) == nil)
        }
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let object = try HTTPClient.send("GET", "\(server.baseURL)/v1/verifications/leftover", key: key.key).json()
        #expect(object["status"] as? String == "canceled")
        #expect(object["endedAt"] as? String != nil)
        #expect((object["detail"] as? String)?.contains("server stopped") == true)
        #expect(server.stop() == 0)
    }
}

/// Records every request it gets and answers 204: the identity system's webhook endpoint.
final class CallbackReceiver: HTTPHandler {
    let requests = Locked<[HTTPRequest]>([])
    /// How many deliveries to refuse with 503 before accepting.
    let failures: Int

    init(failing failures: Int = 0) {
        self.failures = failures
    }

    func inspect(_ head: RequestHead) -> Admission { .admit(true) }

    func respond(to request: HTTPRequest, admitted: any Sendable) -> HTTPResponse {
        var count = 0
        requests.mutate {
            $0.append(request)
            count = $0.count
        }
        return HTTPResponse(status: count <= failures ? 503 : 204)
    }

    func bodyTooLarge(_ head: RequestHead, limit: Int) -> HTTPResponse { HTTPResponse(status: 413) }
}

/// A value shared between threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
