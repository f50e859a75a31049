import CallScript
import Foundation
import Testing
@testable import Verification

/// Runs every script in `Samples/calls/` through the whole service, in file-name order in one
/// state directory (the numbered lockout and block samples build on each other), and checks each
/// against its own first two lines: `# expect: RESULT — DETAIL` and `# prompts: TYPE...`.
@Suite("Sample call scripts")
struct SampleCallTests {
    static let samples: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/calls")

    @Test("Every sample gives its stated result and prompt sequence")
    func everySample() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path)
            .filter { $0.hasSuffix(".call") }.sorted()
        #expect(files.count >= 18)
        for name in files {
            let url = Self.samples.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let expect = try #require(lines.first { $0.hasPrefix("# expect: ") }).dropFirst("# expect: ".count)
            let prompts = try #require(lines.first { $0.hasPrefix("# prompts: ") }).dropFirst("# prompts: ".count)
            let report = try fixture.service.run(CallScriptParser.parse(contentsOf: url))
            #expect("\(report.result.id) — \(report.detail.rawValue)" == String(expect), "\(name)")
            let played = report.prompts.isEmpty ? "(none)" : report.prompts.map(\.type.id).joined(separator: " ")
            #expect(played == String(prompts), "\(name)")
        }
    }
}
