import CallScript
import Foundation
import Testing
import VoiceCall

@testable import Verification

/// Runs every script in `Samples/signins/` through the engine, in file-name order in one state
/// directory prepared by the folder's `setup.sh` (the numbered remember and lockout samples build
/// on each other), and checks each against its first line:
///
///     # expect: result=R bypass=B method=M kmsi=K kmsiReason=X session=S errorCode=E   (- for null)
///
/// A sample's `# setting: KEY VALUE` lines are set just before it and put back after it.
@Suite("Sample sign-in scripts")
struct SampleSignInTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/signins")

    /// Applies one `ivr ...` line of setup.sh through the engine.
    static func apply(_ line: String, _ session: VerificationSession) throws {
        let words = line.split(separator: " ").map(String.init)
        func option(_ name: String) -> String? {
            words.firstIndex(of: "--\(name)").map { words[$0 + 1] }
        }
        switch (words[1], words[2]) {
        case ("settings", "set"): _ = try session.changeSetting(words[3], to: words[4])
        case ("locations", "add"): _ = try session.addLocation(words[3], ranges: Array(words[5...]))
        case ("users", "add"): _ = try session.addUser(words[3], phone: try #require(option("phone")))
        case ("users", "persistent-browser-session"): try session.setPersistentBrowserSession(words[3], on: words[4] == "on")
        case ("users", "app-password"): try session.setAppPassword(words[3], present: words[4] == "create")
        case ("users", "block"): _ = try session.block(user: words[3], reason: try #require(option("reason")))
        default: Issue.record("setup.sh line the test does not know: \(line)")
        }
    }

    static func field(_ value: String?) -> String { value ?? "-" }

    @Test("Every sample gives its stated result, bypass, method, KMSI, session and error code")
    func everySample() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let session = fixture.service
        let setup = try String(contentsOf: Self.samples.appendingPathComponent("setup.sh"), encoding: .utf8)
        for line in setup.split(separator: "\n") where line.hasPrefix("ivr ") {
            try Self.apply(String(line), session)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path).filter { $0.hasSuffix(".signin") }.sorted()
        #expect(files.count >= 30)
        var seenBypasses: Set<String> = []
        var seenReasons: Set<String> = []
        for name in files {
            let url = Self.samples.appendingPathComponent(name)
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            let expect = try #require(lines.first?.hasPrefix("# expect: ") == true ? lines.first : nil, "\(name)")
                .dropFirst("# expect: ".count)
            let settings = lines.filter { $0.hasPrefix("# setting: ") }.map { $0.dropFirst("# setting: ".count).split(separator: " ").map(String.init) }
            let before = try session.settings()
            for setting in settings { _ = try session.changeSetting(setting[0], to: setting[1]) }
            let report = try session.signIn(session.parseSignIn(contentsOf: url))
            for setting in settings {
                _ = try session.changeSetting(setting[0], to: before.value(of: try #require(SettingKey(rawValue: setting[0]))))
            }
            let got = [
                "result=\(report.result)", "bypass=\(Self.field(report.bypass))", "method=\(Self.field(report.method))",
                "kmsi=\(Self.field(report.kmsi))", "kmsiReason=\(Self.field(report.kmsiReason))",
                "session=\(Self.field(report.session))", "errorCode=\(Self.field(report.errorCode.map(String.init)))",
            ].joined(separator: " ")
            #expect(got == String(expect), "\(name): \(report.detail)")
            if let bypass = report.bypass { seenBypasses.insert(bypass) }
            if let reason = report.kmsiReason { seenReasons.insert(reason) }
        }
        #expect(seenBypasses == ["trusted-ip", "named-location", "federated-intranet", "remembered-device", "app-password"])
        #expect(seenReasons.count == 8)
    }
}
