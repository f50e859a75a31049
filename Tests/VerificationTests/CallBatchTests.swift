import CallScript
import Foundation
import Testing
import VerificationStore
import VoiceCall
@testable import Verification

/// `ivr call` over many scripts runs them in chunks, one transaction each (`runChunk`): the
/// outcome must not depend on how the scripts are cut into chunks.
@Suite("Calls in chunks")
struct CallBatchTests {
    /// Every sample script, parsed, in name order (the lockout and block samples depend on it).
    static func samples() throws -> [Result<CallScriptFile, CallScriptError>] {
        let names = try FileManager.default.contentsOfDirectory(atPath: sampleCalls.path).filter { $0.hasSuffix(".call") }.sorted()
        #expect(names.count > 30)
        return names.map { name in
            Result { () throws(CallScriptError) in try CallScriptParser.parse(path: sampleCalls.appendingPathComponent(name).path) }
        }
    }

    /// Runs `scripts` chunk after chunk until every one has run; the JSON of each outcome.
    static func runInChunks(
        _ scripts: [Result<CallScriptFile, CallScriptError>], _ session: VerificationSession, limits: CallChunkLimits
    ) throws -> [String] {
        var lines: [String] = []
        var rest = scripts[...]
        while !rest.isEmpty {
            let chunk = session.runChunk(rest, limits: limits)
            if let failure = chunk.failure { throw failure }
            #expect(!chunk.outcomes.isEmpty && chunk.outcomes.count <= limits.calls)
            lines += chunk.outcomes.map { outcome in
                switch outcome {
                case .success(let report): report.json
                case .failure(let error): "error: \(error.description)"
                }
            }
            rest = rest.dropFirst(chunk.outcomes.count)
        }
        return lines
    }

    /// What a state directory holds after the calls: the log, blocks and lockouts, the outbox.
    static func state(_ fixture: ServiceFixture) throws -> [String] {
        let time = ISO8601DateFormatter().date(from: "2026-11-25T12:00:00Z")!
        return try fixture.store.signInLog().map { "\($0)" }
            + fixture.store.blocks(at: time).map { "\($0)" }
            + fixture.store.lockouts(at: time).map { "\($0)" }
            + fixture.store.outbox().map { "\($0.to) \($0.subject)" }
    }

    @Test("The samples give the same reports and the same state in chunks of 1, 5 and 64 as one call per transaction", arguments: [1, 5, 64])
    func chunkingChangesNothing(calls: Int) throws {
        let scripts = try Self.samples()
        let single = try ServiceFixture(promptTiming: .estimate)
        defer { single.remove() }
        _ = try single.service.changeSetting("notifications.emails", to: "soc@example.com")
        let expected = try scripts.map { script -> String in
            switch script {
            case .success(let file): try single.service.run(file).json
            case .failure(let error): "error: \(error.description)"
            }
        }

        let chunked = try ServiceFixture(promptTiming: .estimate)
        defer { chunked.remove() }
        _ = try chunked.service.changeSetting("notifications.emails", to: "soc@example.com")
        let lines = try Self.runInChunks(scripts, chunked.service, limits: CallChunkLimits(calls: calls, duration: .seconds(60)))
        #expect(lines == expected)
        #expect(try Self.state(chunked) == Self.state(single))
        #expect(lines.contains { $0.contains("\"result\":\"locked_out\"") })
        #expect(lines.contains { $0.contains("\"result\":\"blocked\"") })
    }

    @Test("A script that failed to parse keeps its place among the reports and records nothing")
    func failuresPassThrough() throws {
        let fixture = try ServiceFixture(promptTiming: .estimate)
        defer { fixture.remove() }
        let good = try CallScriptParser.parse("user a@contoso.com\nphone +1 425 555 0100\nanswer\nlisten\npress #\n", file: "a.call")
        let bad = CallScriptError(file: "b.call", line: 3, message: "unknown keyword")
        let badUser = try CallScriptParser.parse("user a..b@contoso.com\nphone +1 425 555 0100\nanswer\n", file: "c.call")
        let chunk = fixture.service.runChunk([.success(good), .failure(bad), .success(badUser), .success(good)])
        #expect(chunk.failure == nil)
        try #require(chunk.outcomes.count == 4)
        #expect((try? chunk.outcomes[0].get())?.result == .verified)
        #expect(chunk.outcomes[1].failureDescription == bad.description)
        #expect(chunk.outcomes[2].failureDescription?.hasPrefix("c.call:1:") == true)
        #expect((try? chunk.outcomes[3].get())?.result == .verified)
        #expect(try fixture.store.signInLog().count == 2)
    }

    @Test("A chunk takes at most its number of calls, and at least one however short its time")
    func limits() throws {
        let fixture = try ServiceFixture(promptTiming: .estimate)
        defer { fixture.remove() }
        let script = try CallScriptParser.parse("user a@contoso.com\nphone +1 425 555 0100\nanswer\nlisten\npress #\n", file: "a.call")
        let scripts = Array(repeating: Result<CallScriptFile, CallScriptError>.success(script), count: 10)
        #expect(fixture.service.runChunk(scripts[...], limits: CallChunkLimits(calls: 3, duration: .seconds(60))).outcomes.count == 3)
        #expect(fixture.service.runChunk(scripts[...], limits: CallChunkLimits(calls: 64, duration: .zero)).outcomes.count == 1)
        #expect(fixture.service.runChunk(scripts[...]).outcomes.count == 10)
        #expect(try fixture.store.signInCount() == 14)
    }
}

extension Result where Failure == CallScriptError {
    fileprivate var failureDescription: String? {
        if case .failure(let error) = self { return error.description }
        return nil
    }
}

/// The report renderer writes bytes by hand; this checks it against `JSONEncoder` encoding the
/// documented shape (README "JSON output") of every sample report and of reports the samples do
/// not reach (a custom recording, a live call's SIP fields, text that needs escaping).
@Suite("Call report JSON matches JSONEncoder")
struct CallReportJSONTests {
    /// A JSON value for the reference encoding.
    enum Value: Encodable {
        case text(String)
        case number(Double)
        case integer(Int)
        case null
        case array([Value])
        case object([String: Value])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            case .integer(let number): try container.encode(number)
            case .null: try container.encodeNil()
            case .array(let values): try container.encode(values)
            case .object(let fields): try container.encode(fields)
            }
        }
    }

    static func reference(_ report: CallReport) throws -> String {
        func prompt(_ prompt: ResolvedPrompt) -> [String: Value] {
            ["type": .text(prompt.type.id), "language": .text(prompt.language.description), "source": .text(prompt.source.rawValue)]
        }
        let transcript: [Value] = report.transcript.map { entry in
            var fields: [String: Value] = ["time": .number(entry.time), "actor": .text(entry.actor.rawValue)]
            switch entry.event {
            case .dial: fields["event"] = .text("dial")
            case .answered: fields["event"] = .text("answer")
            case .play(let type):
                let played = report.promptSet[type]
                fields.merge(prompt(played)) { $1 }
                fields["event"] = .text("play")
                if let text = played.text { fields["text"] = .text(text) }
            case .interrupted(let type):
                fields.merge(prompt(report.promptSet[type])) { $1 }
                fields["event"] = .text("interrupted")
            case .sentDigits(let digits): fields["event"] = .text("send-digits"); fields["digits"] = .text(digits.description)
            case .timerStarted(let purpose, let seconds):
                fields["event"] = .text("timer-start"); fields["timer"] = .text(purpose.rawValue); fields["seconds"] = .number(seconds)
            case .timerExpired(let purpose): fields["event"] = .text("timer-expired"); fields["timer"] = .text(purpose.rawValue)
            case .key(let shown, let handling):
                fields["event"] = .text("key"); fields["key"] = .text(shown.description); fields["handling"] = .text(handling.rawValue)
            case .entry(let verdict): fields["event"] = .text("entry"); fields["verdict"] = .text(verdict.rawValue)
            case .denial: fields["event"] = .text("denial")
            case .fraudReported: fields["event"] = .text("fraud-reported")
            case .hangUp: fields["event"] = .text("hangup")
            case .result(let result, let detail):
                fields["event"] = .text("result"); fields["result"] = .text(result.id); fields["detail"] = .text(detail.rawValue)
            case .ignoredAction(let line, let action):
                fields["event"] = .text("ignored"); fields["line"] = .integer(line); fields["action"] = .text(action.description)
            }
            return .object(fields)
        }
        var object: [String: Value] = [
            "callerId": report.callerID.map(Value.text) ?? .null, "detail": .text(report.detail.rawValue),
            "digitsSent": .text(report.digitsSent), "durationSeconds": .number(report.durationSeconds), "file": .text(report.file),
            "method": .text(report.method.name.rawValue), "notifications": .integer(report.notifications),
            "number": .text(report.number), "prompts": .array(report.prompts.map { .object(prompt($0)) }),
            "result": .text(report.result.id), "startedAt": .text(Timestamp.rfc3339(report.startedAt)),
            "transcript": .array(transcript), "user": .text(report.user.value),
        ]
        if let callID = report.sipCallId {
            object["sipCallId"] = .text(callID)
            object["sipStatus"] = report.sipStatus.map(Value.integer) ?? .null
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Value.object(object)), as: UTF8.self)
    }

    @Test("Every sample report")
    func samples() throws {
        let fixture = try ServiceFixture(promptTiming: .estimate)
        defer { fixture.remove() }
        let scripts = try CallBatchTests.samples()
        var events: Set<String> = []
        for case .success(let script) in scripts {
            let report = try fixture.service.run(script)
            #expect(report.json == (try Self.reference(report)), "\(script.file)")
            let line = report.json
            for event in ["dial", "answer", "play", "interrupted", "send-digits", "timer-start", "timer-expired", "key", "entry",
                          "denial", "fraud-reported", "hangup", "result", "ignored"] where line.contains("\"event\":\"\(event)\"") {
                events.insert(event)
            }
        }
        #expect(events.count == 14, "events the samples reach: \(events.sorted())")
    }

    @Test("A custom recording (no text), SIP fields, and text that needs escaping")
    func unusualReports() throws {
        let fixture = try ServiceFixture(promptTiming: .estimate)
        defer { fixture.remove() }
        let script = try CallScriptParser.parse(
            "user a@contoso.com\nphone +1 425 555 0100\nanswer\nlisten\npress #\n", file: "dir/\"odd\"\\name\t.call")
        var report = try fixture.service.run(script)
        #expect(report.json == (try Self.reference(report)))
        let custom = ResolvedPrompt(
            type: .greetingStandard, language: try LanguageTag("fr-CA"), source: .custom, text: nil, durationSeconds: 3,
            customReference: "greeting.wav")
        report.promptSet = PromptSet { type in type == .greetingStandard ? custom : report.promptSet[type] }
        report.prompts = [custom]
        report.transcript += [
            TranscriptEntry(time: 1.5, actor: .engine, event: .play(.greetingStandard)),
            TranscriptEntry(time: 2.25, actor: .engine, event: .interrupted(.greetingStandard)),
            TranscriptEntry(time: 1e-5, actor: .caller, event: .key(.masked, .discarded)),
            TranscriptEntry(time: 0.1 + 0.2, actor: .engine, event: .ignoredAction(line: 12, .wait(2.5))),
        ]
        report.callerID = nil
        report.sipCallId = "a84b4c76e66710@pc33.example.com"
        #expect(report.json == (try Self.reference(report)))
        report.sipStatus = 486
        #expect(report.json == (try Self.reference(report)))
        #expect(report.json.contains(#""source":"custom""#) && !report.json.contains(#""text":null"#))
    }

    @Test("Reports written one after another into one buffer are the JSON Lines of each")
    func oneBuffer() throws {
        let fixture = try ServiceFixture(promptTiming: .estimate)
        defer { fixture.remove() }
        var writer = JSONWriter()
        var expected = ""
        for case .success(let script) in try CallBatchTests.samples().prefix(5) {
            let report = try fixture.service.run(script)
            report.write(to: &writer)
            writer.newline()
            expected += report.json + "\n"
        }
        #expect(writer.text == expected)
    }
}
