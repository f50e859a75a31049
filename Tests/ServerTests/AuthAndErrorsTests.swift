import Foundation
import Testing

/// Keys, roles and the error answers of SPEC §16, against the real `ivr serve`.
@Suite("ivr serve: keys and errors")
struct AuthAndErrorsTests {
    @Test("no key or a bad key is 401, the wrong role 403, a revoked key 401; /healthz needs none")
    func authentication() throws {
        let state = try StateDirectory()
        let integrator = try IVRCommand.createKey(role: "integrator", state: state.url)
        let admin = try IVRCommand.createKey(role: "admin", state: state.url)
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let base = server.baseURL

        #expect(try HTTPClient.send("GET", "\(base)/healthz").status == 200)
        let none = try HTTPClient.send("GET", "\(base)/v1/settings")
        #expect(none.status == 401)
        #expect(none.errorCode == "unauthorized")
        #expect(none.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
        // A well-formed key with the right id but a wrong secret.
        let forged = String(admin.key.dropLast(4)) + "0000"
        #expect(try HTTPClient.send("GET", "\(base)/v1/settings", key: forged).status == 401)
        #expect(try HTTPClient.send("GET", "\(base)/v1/settings", key: "not-a-key").status == 401)
        let wrongRole = try HTTPClient.send("GET", "\(base)/v1/settings", key: integrator.key)
        #expect(wrongRole.status == 403)
        #expect(wrongRole.errorCode == "forbidden")
        #expect(try HTTPClient.send("GET", "\(base)/v1/settings", key: admin.key).status == 200)

        // Revoked beside the running server: refused at the next request.
        let revoked = try IVRCommand.run(["keys", "revoke", admin.id], state: state.url)
        #expect(revoked.exitCode == 0)
        #expect(try HTTPClient.send("GET", "\(base)/v1/settings", key: admin.key).status == 401)
        #expect(server.stop() == 0)
    }

    @Test("keys are shown once: list and the database hold only their hash")
    func keysAtRest() throws {
        let state = try StateDirectory()
        let made = try IVRCommand.createKey(role: "admin", state: state.url)
        let listed = try IVRCommand.run(["keys", "list", "--json"], state: state.url)
        #expect(listed.exitCode == 0)
        #expect(listed.stdout.contains(made.id))
        let secret = String(made.key.split(separator: "_").last ?? "")
        #expect(secret.count == 64)
        #expect(!listed.stdout.contains(secret))
        let database = try Data(contentsOf: state.url.appendingPathComponent("ivr.sqlite"))
        let wal = (try? Data(contentsOf: state.url.appendingPathComponent("ivr.sqlite-wal"))) ?? Data()
        #expect(database.range(of: Data(secret.utf8)) == nil)
        #expect(wal.range(of: Data(secret.utf8)) == nil)
        #expect(try IVRCommand.run(["keys", "create", "--role", "root"], state: state.url).exitCode == 1)
        #expect(try IVRCommand.run(["keys", "revoke", "nosuchkey"], state: state.url).exitCode == 1)
    }

    @Test("404, 405, 415, malformed JSON and unknown fields are answered as JSON errors")
    func errorAnswers() throws {
        let state = try StateDirectory()
        let admin = try IVRCommand.createKey(role: "admin", state: state.url)
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        let base = server.baseURL

        let missing = try HTTPClient.send("GET", "\(base)/v1/nothing", key: admin.key)
        #expect(missing.status == 404)
        #expect(missing.errorCode == "not-found")
        let wrongMethod = try HTTPClient.send("DELETE", "\(base)/v1/settings", key: admin.key)
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["allow"] == "GET, PATCH")
        let notJSONType = try HTTPClient.send("POST", "\(base)/v1/verifications", key: admin.key,
                                              headers: ["Content-Type": "text/plain"], body: Data("{}".utf8))
        #expect(notJSONType.status == 415)

        for body in ["{", "[1,2]", "\"text\"", "{\"user\": 5}"] {
            let answer = try HTTPClient.send("POST", "\(base)/v1/verifications", key: admin.key,
                                             headers: ["Content-Type": "application/json"], body: Data(body.utf8))
            #expect(answer.status == 400, "body \(body)")
            #expect(answer.errorCode == "malformed-json", "body \(body)")
        }
        let unknown = try HTTPClient.json("POST", "\(base)/v1/verifications", key: admin.key,
                                          ["user": "alice@contoso.com", "phone": "+14255550100", "script": "answer", "pin": "1234"])
        #expect(unknown.status == 400)
        #expect(unknown.errorCode == "unknown-field")
        #expect(unknown.text.contains("pin"))

        let unknownSetting = try HTTPClient.json("PATCH", "\(base)/v1/settings", key: admin.key, ["fraud.alow": "off"])
        #expect(unknownSetting.status == 400)
        #expect(try HTTPClient.send("PATCH", "\(base)/v1/settings", key: admin.key,
                                    headers: ["Content-Type": "application/json"], body: Data("[]".utf8)).status == 400)
        #expect(server.stop() == 0)
    }
}
