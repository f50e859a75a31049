import CallScript
import Foundation
import Testing
import Verification
import VerificationStore

/// `runQueuedVerifications`: the server's simulated calls, many in one transaction, each still
/// checked and recorded on its own.
@Suite("Server: simulated calls in one transaction")
struct BatchedCallsTests {
    @Test("a batch completes the queued verifications, skips one canceled first, and logs each call once")
    func batch() throws {
        let state = try StateDirectory()
        let engine = try VerificationEngine(stateDirectory: state.url, promptTiming: .estimate)
        let session = try engine.session()
        func queued(_ id: String, phone: String, keys: String) throws -> ScriptedVerification {
            let record = VerificationRecord(
                id: id, keyID: "k", user: "alice@contoso.com", number: phone, status: .queued, requestJSON: "{}",
                callbackURL: nil, createdAt: engine.now)
            #expect(try session.insertVerification(record, throttle: .init(perNumber: 100, perUser: 100)) == nil)
            let script = try CallScriptParser.parse("user alice@contoso.com\nphone \(phone)\nanswer\nlisten\npress \(keys)\n", file: id)
            return ScriptedVerification(id: id, call: try ScriptedCall(script))
        }
        let calls = [
            try queued("first", phone: "+14255550100", keys: "#"),
            try queued("canceled", phone: "+14255550101", keys: "#"),
            try queued("last", phone: "+14255550102", keys: "*"),
        ]
        let canceled = VerificationOutcome.noCall("canceled by the API client")
        #expect(try session.updateVerification(id: "canceled", from: [.queued], to: .canceled, outcome: canceled, endedAt: engine.now))

        let results = try session.runQueuedVerifications(calls)
        #expect(results.count == 3)
        /// What a call's entry says: its result, "not called" (nil report), or its error.
        func summary(_ entry: Result<CallReport?, any Error>) -> String {
            switch entry {
            case .success(let report?): report.result.id
            case .success(nil): "not called"
            case .failure(let error): "failed: \(error)"
            }
        }
        #expect(results.map(summary) == ["verified", "not called", "denied"])

        #expect(try session.verification(id: "first")?.status == .completed)
        #expect(try session.verification(id: "first")?.outcome?.result == .verified)
        #expect(try session.verification(id: "canceled")?.status == .canceled)
        #expect(try session.verification(id: "canceled")?.outcome?.result == nil)
        #expect(try session.verification(id: "last")?.outcome?.result == .denied)
        // The canceled one was never called: two calls, two log lines.
        #expect(try session.signInLog().count == 2)
    }
}
