import CallScript
import Foundation
import Testing
import VoiceCall
@testable import Verification

/// Every sample in `Samples/calls/` stays true to its stated result and prompts under both ways of
/// timing a prompt (SPEC §14): by its espeak-ng audio, and by the estimate used without espeak-ng.
/// Both runs also play the same sequence of events: a real duration changes no sample's path.
@Suite("Sample calls under audio and estimated prompt timing", .serialized)
struct SampleCallTimingTests {
    @Test("Samples give their stated results, and the same events, with audio and with estimated durations")
    func bothTimings() throws {
        let audio = try Self.runAll(.audioWhenInstalled)
        let estimate = try Self.runAll(.estimate)
        #expect(audio.count == estimate.count)
        #expect(audio.count >= 18)
        var differentTimes = 0
        for (spoken, estimated) in zip(audio, estimate) {
            for report in [spoken, estimated] {
                #expect("\(report.report.result.id) — \(report.report.detail.rawValue)" == report.expect, "\(report.name)")
                let played = report.report.prompts.isEmpty ? "(none)" : report.report.prompts.map(\.type.id).joined(separator: " ")
                #expect(played == report.prompts, "\(report.name)")
            }
            #expect(Self.events(spoken.report) == Self.events(estimated.report), "\(spoken.name) takes another path with audio")
            if spoken.report.durationSeconds != estimated.report.durationSeconds { differentTimes += 1 }
        }
        // The audio really timed the calls: most answered samples last differently.
        #expect(differentTimes >= audio.count / 2)
    }

    struct Run {
        var name: String
        var expect: String
        var prompts: String
        var report: CallReport
    }

    static func runAll(_ timing: PromptTiming, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Run] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-timing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = try VerificationEngine(
            stateDirectory: directory, clock: { Date(timeIntervalSince1970: 1_800_000_000) }, promptTiming: timing)
        if case .audioWhenInstalled = timing {
            _ = try #require(engine.speaker, "espeak-ng is installed", sourceLocation: sourceLocation)
        }
        let service = try engine.session()
        let files = try FileManager.default.contentsOfDirectory(atPath: SampleCallTests.samples.path).filter { $0.hasSuffix(".call") }.sorted()
        return try files.map { name in
            let url = SampleCallTests.samples.appendingPathComponent(name)
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            let expect = try #require(lines.first { $0.hasPrefix("# expect: ") }).dropFirst("# expect: ".count)
            let prompts = try #require(lines.first { $0.hasPrefix("# prompts: ") }).dropFirst("# prompts: ".count)
            return Run(name: name, expect: String(expect), prompts: String(prompts), report: try service.run(CallScriptParser.parse(contentsOf: url)))
        }
    }

    /// The call's path without its times: every event but the timer starts (whose seconds are settings).
    static func events(_ report: CallReport) -> [TranscriptEntry.Event] {
        report.transcript.map(\.event).filter { if case .timerStarted = $0 { false } else { true } }
    }
}
