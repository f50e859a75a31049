import CallScript
import Foundation
import Testing
import VerificationStore
import VoiceCall
@testable import Verification

@Suite("Verification service")
struct VerificationServiceTests {
    @Test("A confirmed call is logged with masked number, caller ID and prompts")
    func confirmLogged() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let report = try fixture.call("user Alice@Contoso.com\nphone +1 (425) 555-0123\nat 2026-11-25T10:00:00Z", "answer\nlisten\npress #")
        #expect(report.result.id == "verified")
        #expect(report.callerID == CallerID.defaultNumber(for: "alice@contoso.com"))
        #expect(report.prompts.map(\.type.id) == ["fraud-greeting-standard", "authentication-successful"])
        let log = try fixture.store.signInLog()
        #expect(log.count == 1)
        #expect(log[0].user == "alice@contoso.com")
        #expect(log[0].maskedNumber == "+*********23")
        #expect(log[0].detail == .completed)
        #expect(log[0].prompts.first == SignInRecord.Prompt(type: .fraudGreetingStandard, language: .englishUS, source: .default))
    }

    @Test("An unparsable number is invalid_request with no call placed, and still logged")
    func invalidNumber() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let report = try fixture.call("user a@b.com\nphone +999 12", "answer\npress #")
        #expect(report.result.id == "invalid_request")
        #expect(report.callerID == nil)
        #expect(report.prompts.isEmpty)
        #expect(try fixture.store.signInLog().map(\.result) == [.invalidRequest])
    }

    @Test("A malformed language or user name is a script error naming the line; nothing is logged")
    func badHeaderValues() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        #expect(throws: CallScriptError.self) { try fixture.call("user a@b.com\nphone +14255550100\nlanguage 12-!!", "answer") }
        do {
            _ = try fixture.call("user a@b.com\nphone +14255550100\nlanguage 12-!!", "answer")
        } catch let error as CallScriptError {
            #expect(error.line == 3)
        }
        #expect(try fixture.store.signInLog().isEmpty)
    }

    @Test("Wrong PINs lock the account across calls; the lock ends after the unblock minutes")
    func lockoutAcrossCalls() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let wrongThrice = "answer\npress 1111#\nlisten\npress 2222#\nlisten\npress 3333#"
        let first = try fixture.call(pinHeader(at: "2026-11-25T10:00:00Z"), wrongThrice)
        #expect(first.result.id == "denied")
        #expect(first.detail.rawValue == "MFA denied; invalid PIN")
        let second = try fixture.call(pinHeader(at: "2026-11-25T10:02:00Z"), wrongThrice)
        #expect(second.result.id == "locked_out")
        #expect(second.prompts.map(\.type.id).suffix(1) == ["authentication-denied"])
        // Fifth denial at 10:02:~20 locks until ~10:32:20.
        let refused = try fixture.call(pinHeader(at: "2026-11-25T10:20:00Z"), "answer\npress 4321#")
        #expect(refused.result.id == "locked_out")
        #expect(refused.prompts.isEmpty)
        let later = try fixture.call(pinHeader(at: "2026-11-25T10:40:00Z"), "answer\npress 4321#")
        #expect(later.result.id == "verified")
    }

    @Test("The denial counter resets after the reset window")
    func counterReset() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let wrongThrice = "answer\npress 1111#\nlisten\npress 2222#\nlisten\npress 3333#"
        _ = try fixture.call(pinHeader(at: "2026-11-25T10:00:00Z"), wrongThrice)
        // 11 minutes later the three denials are forgotten: three more do not reach five.
        let second = try fixture.call(pinHeader(at: "2026-11-25T10:11:00Z"), wrongThrice)
        #expect(second.result.id == "denied")
    }

    @Test("Fraud blocks the user for 90 days and queues one e-mail per address")
    func fraudBlocksAndNotifies() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        _ = try fixture.store.updateSettings { $0.notificationEmails = ["sec@contoso.com", "it@contoso.com"] }
        let header = "user mallory@contoso.com\nphone +14255550100\nat 2026-11-25T10:00:00Z"
        let fraud = try fixture.call(header, "answer\npress 0#")
        #expect(fraud.result.id == "fraud_reported")
        #expect(fraud.notifications == 2)
        #expect(fraud.prompts.last?.type.id == "fraud-confirmation")
        let outbox = try fixture.store.outbox()
        #expect(outbox.map(\.to).sorted() == ["it@contoso.com", "sec@contoso.com"])
        let body = try #require(outbox.first?.body)
        for header in ["From: ", "To: ", "Subject: ", "Date: ", "Message-ID: <"] { #expect(body.contains(header)) }
        #expect(body.contains("mallory@contoso.com") && body.contains("ivr users unblock"))

        let next = try fixture.call("user mallory@contoso.com\nphone +14255550100\nat 2026-11-26T10:00:00Z", "answer\npress #")
        #expect(next.result.id == "blocked")
        #expect(next.prompts.isEmpty && next.callerID == nil)
        let afterExpiry = try fixture.call("user mallory@contoso.com\nphone +14255550100\nat 2027-02-24T10:00:01Z", "answer\npress #")
        #expect(afterExpiry.result.id == "verified")
    }

    @Test("Without auto-block a fraud report plays Fraud reported and blocks nobody")
    func fraudWithoutBlock() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        _ = try fixture.store.updateSettings { $0.fraudAutoBlock = false }
        let header = "user mallory@contoso.com\nphone +14255550100\nat 2026-11-25T10:00:00Z"
        #expect(try fixture.call(header, "answer\npress 0#").prompts.last?.type.id == "fraud-reported")
        #expect(try fixture.call(header, "answer\npress #").result == .verified)
    }

    @Test("A failing delivery command keeps mail queued; a later run delivers it exactly once")
    func deliveryRetried() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let sink = fixture.directory.appendingPathComponent("delivered.txt")
        _ = try fixture.store.updateSettings {
            $0.notificationEmails = ["sec@contoso.com"]
            $0.notificationCommand = "exit 3"
        }
        _ = try fixture.call("user eve@contoso.com\nphone +14255550100\nat 2026-11-25T10:00:00Z", "answer\npress 0#")
        #expect(fixture.service.deliverQueuedMail() == 0)  // delivery runs after the call, not inside it
        #expect(try fixture.store.pendingMessages().count == 1)
        #expect(try fixture.store.outbox().first?.lastError?.contains("status 3") == true)

        _ = try fixture.store.updateSettings { $0.notificationCommand = "cat >> '\(sink.path)'" }
        #expect(fixture.service.deliverQueuedMail() == 1)
        #expect(fixture.service.deliverQueuedMail() == 0)
        let delivered = try String(contentsOf: sink, encoding: .utf8)
        #expect(delivered.components(separatedBy: "Message-ID: ").count == 2)
        #expect(try fixture.store.pendingMessages().isEmpty)
    }

    @Test("A configured caller ID is used; a custom greeting plays with its duration")
    func callerIDAndCustomGreeting() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        _ = try fixture.store.updateSettings { $0.callerID = "+12065550199" }
        let audio = fixture.directory.appendingPathComponent("g.wav")
        try Data(repeating: 1, count: 100).write(to: audio)
        try fixture.store.addGreeting(type: .fraudGreetingStandard, language: "de-DE", sourceFile: audio, format: "wav",
                                              durationSeconds: 2.5, sizeBytes: 100, at: Date())
        let german = try fixture.call("user hans@contoso.com\nphone +4930123456\nlanguage de-AT\nat 2026-11-25T10:00:00Z", "answer\nlisten\npress #")
        #expect(german.callerID == "+12065550199")
        #expect(german.prompts.first.map { [$0.type.id, $0.language.description, $0.source.rawValue] } == ["fraud-greeting-standard", "de-DE", "custom"])
        #expect(german.transcript.contains { $0.event == .timerStarted(.response, seconds: 10) && $0.time == 2.5 })
        let english = try fixture.call("user ann@contoso.com\nphone +4930123456\nat 2026-11-25T10:00:00Z", "answer\nlisten\npress #")
        #expect(english.prompts.first.map { [$0.type.id, $0.language.description, $0.source.rawValue] } == ["fraud-greeting-standard", "en-US", "default"])
    }
}
