import CallScript
import Foundation
import Testing
import VerificationStore
import VoiceCall
@testable import Verification

/// A channel written here, not the simulator: a caller who keys the next entry the moment the
/// engine waits for one (one key every 0.3 s), with prompts, timers and extension digits kept in a
/// plain list of due events. It decides nothing; it only feeds the machine through a `CallSession`.
private struct ReactiveCallerChannel: CallChannel {
    var entries: [String]

    func run(_ call: PreparedCall) -> ChannelOutcome {
        var line = Line(session: CallSession(plan: call.plan), prompts: call.prompts)
        line.deliver(.start)
        if line.dialled && line.result == nil {
            line.transcript.append(TranscriptEntry(time: 0, actor: .caller, event: .answered))
            line.deliver(.answered)
        }
        var pending = entries[...]
        var steps = 0
        while line.result == nil {
            steps += 1
            guard steps < 1_000 else {
                Issue.record("the call did not end: \(line.transcript.suffix(5)) due \(line.due)")
                break
            }
            if line.session.isWaitingForCaller, let entry = pending.popFirst() {
                for key in DTMFKey.keys(entry) ?? [] where line.result == nil {
                    line.now = ((line.now + 0.3) * 1000).rounded() / 1000
                    line.deliver(.key(key))
                }
            } else if !line.runNextDue() {
                line.deliver(.hungUp)
            }
        }
        return ChannelOutcome(recording: line.session.recording, transcript: line.transcript, duration: line.now)
    }

    private struct Line {
        var session: CallSession
        let prompts: PromptSet
        var now = 0.0
        var due: [(at: Double, event: CallEvent)] = []
        var transcript: [TranscriptEntry] = []
        var dialled = false
        var result: CallResult? { session.recording.result }

        mutating func deliver(_ event: CallEvent) {
            for action in session.handle(event, at: now) {
                switch action {
                case .dial: dialled = true
                case .play(let type, let id): due.append((now + prompts[type].durationSeconds, .promptFinished(id)))
                case .stopPrompt(let id): due.removeAll { $0.event == .promptFinished(id) }
                case .sendDigits(let digits): due.append((now + 0.2 * Double(digits.count), .digitsSent))
                case .startTimer(let timer, let seconds): due.append((now + seconds, .timerFired(timer)))
                case .cancelTimer(let timer): due.removeAll { $0.event == .timerFired(timer) }
                case .finish: due.removeAll()
                case .key, .entry, .denial, .reportFraud, .hangUp: break
                }
            }
        }

        /// Runs the earliest due event; false when nothing is due.
        mutating func runNextDue() -> Bool {
            guard let index = due.indices.min(by: { due[$0].at < due[$1].at }) else { return false }
            let next = due.remove(at: index)
            now = (next.at * 1000).rounded() / 1000
            deliver(next.event)
            return true
        }
    }
}

@Suite("The call channel seam")
struct CallChannelSeamTests {
    /// The log, lockout, block and outbox of one user after `run` in a fresh state directory.
    private func state(after run: (VerificationSession) throws -> Void) throws -> ([SignInRecord], LockoutState, [Block], [String]) {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        _ = try fixture.store.updateSettings { $0.notificationEmails = ["sec@contoso.com"] }
        try run(fixture.service)
        let user = try UserName("pat@contoso.com")
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        return (
            try fixture.store.signInLog(), try fixture.store.lockoutState(user: user),
            try fixture.store.blocks(at: at), try fixture.store.outbox().map(\.subject)
        )
    }

    @Test("A channel written in the test gets the same log record, lockout and block as the simulated call")
    func sameRecordThroughAnyChannel() throws {
        let text = "user pat@contoso.com\nphone +1 425 555 0100\nmethod pin\npin 4321\nat 2026-11-25T10:00:00Z\n"
            + "answer\nlisten\npress 1111#\nlisten\npress 0#\n"
        let script = try CallScriptParser.parse(text, file: "seam.call")
        let simulated = try state { session in _ = try session.run(script) }
        let request = try ScriptedCall(script).request
        let custom = try state { session in
            let concluded = try session.call(request, through: ReactiveCallerChannel(entries: ["1111#", "0#"]))
            #expect(concluded.report.result.id == "fraud_reported")
        }
        #expect(simulated.0.count == 1 && simulated.0.first?.result == .fraudReported)
        #expect(simulated.1.denials == 1)
        #expect(simulated.2.count == 1)
        #expect(simulated.3.count == 1)
        #expect(custom.0 == simulated.0)
        #expect(custom.1 == simulated.1)
        #expect(custom.2 == simulated.2)
        #expect(custom.3 == simulated.3)
    }

    @Test("The fraud sample's block and mail date are the moment the report stood (22.2 s), not the start or the hang-up")
    func fraudTimesAreTheReportsMoment() throws {
        // 22.2 s is the estimated length of the fraud greeting plus the keys: pin the estimate.
        let fixture = try ServiceFixture(promptTiming: .estimate)
        defer { fixture.remove() }
        _ = try fixture.store.updateSettings { $0.notificationEmails = ["sec@contoso.com"] }
        let script = try CallScriptParser.parse(contentsOf: sampleCalls.appendingPathComponent("fraud.call"))
        let scripted = try ScriptedCall(script)
        let prepared = try fixture.service.prepare(scripted.request)
        let outcome = scripted.channel.run(prepared)
        #expect(outcome.recording.fraudReportedAt == 22.2)
        #expect(outcome.duration > 22.2)  // the confirmation plays on after the report
        _ = try fixture.service.conclude(prepared, outcome)

        let start = try #require(script.startTime)
        let reportedAt = start.addingTimeInterval(22.2)
        let block = try #require(try fixture.store.blocks(at: start).first)
        #expect(abs(block.blockedAt.timeIntervalSince(reportedAt)) < 0.001)
        #expect(abs(block.until.timeIntervalSince(reportedAt.addingTimeInterval(90 * 86_400))) < 0.001)
        #expect(block.blockedBy == "fraud-alert")
        let mail = try #require(try fixture.store.outbox().first?.body)
        #expect(mail.contains("Date: Wed, 25 Nov 2026 09:01:22 +0000\r\n"))
        #expect(mail.contains("Time:        2026-11-25T09:01:22Z"))
    }
}
