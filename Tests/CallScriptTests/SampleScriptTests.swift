import Foundation
import Testing
import VoiceCall

@testable import CallScript

/// `Samples/calls/*.call`: every sample parses, and its first two lines state the expected result
/// and prompt sequence in the exact form the end-to-end test reads:
///
///     # expect: RESULT — DETAIL
///     # prompts: TYPE TYPE …        (or `# prompts: (none)` when no call is placed or answered)
///
/// This suite checks the statements' form against the engine's own ids; whether the engine agrees
/// with them is the simulator's test.
@Suite("Sample call scripts")
struct SampleScriptTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/calls")

    static func sampleNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.directory.path)) ?? []
        return names.filter { $0.hasSuffix(".call") }.sorted()
    }

    /// The details each result may carry (SPEC §2's table).
    static let details: [CallResult: Set<ResultDetail>] = [
        .verified: [.completed],
        .fraudReported: [.fraudCodeEntered],
        .denied: [.invalidPIN, .invalidInput],
        .timedOut: [.noResponse],
        .notAnswered: [.notAnswered],
        .abandoned: [.callerHungUp],
        .blocked: [.userBlocked],
        .lockedOut: [.lockedOut],
        .invalidRequest: [.invalidPhoneNumber],
    ]

    @Test("There are samples for the situations of SPEC §2, including the demo's confirm.call")
    func enoughSamples() {
        let names = Self.sampleNames()
        #expect(names.count >= 18)
        #expect(names.contains("confirm.call"))
    }

    @Test("Each sample parses and states its result, detail and prompts", arguments: sampleNames())
    func sample(name: String) throws {
        let url = Self.directory.appendingPathComponent(name)
        let parsed = try CallScriptParser.parse(contentsOf: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        try #require(lines.count > 2)

        let expectPrefix = "# expect: "
        #expect(lines[0].hasPrefix(expectPrefix))
        let statement = lines[0].dropFirst(expectPrefix.count).components(separatedBy: " — ")
        try #require(statement.count == 2)
        let result = try #require(CallResult(rawValue: statement[0]), "unknown result '\(statement[0])'")
        let detail = try #require(ResultDetail(rawValue: statement[1]), "unknown detail '\(statement[1])'")
        #expect(Self.details[result]?.contains(detail) == true)

        let promptsPrefix = "# prompts: "
        #expect(lines[1].hasPrefix(promptsPrefix))
        let ids = lines[1].dropFirst(promptsPrefix.count).split(separator: " ").map(String.init)
        let named = ids == ["(none)"] ? [] : ids.map { MessageType(rawValue: $0) }
        #expect(!named.contains(nil), "unknown prompt type in \(ids)")
        let prompts = named.compactMap { $0 }

        // Cross-checks between the statement and the script that hold whatever the timing.
        let hasNoAnswer = parsed.actions.contains { $0.kind == .noAnswer }
        let placedNoCall: Set<CallResult> = [.blocked, .lockedOut, .invalidRequest, .notAnswered]
        if prompts.isEmpty {
            #expect(placedNoCall.contains(result))
        }
        if hasNoAnswer {
            #expect(result == .notAnswered && prompts.isEmpty)
        }
        #expect(parsed.startTime != nil, "samples use a fixed `at` so they run the same every time")
        if let type = prompts.first {
            let extensionCall = parsed.phone.contains("x")
            if extensionCall {
                #expect(type == .extensionPromptBeforeDigits)
            } else {
                switch (parsed.kind == .activation, parsed.method) {
                case (false, .standard): #expect(type == .fraudGreetingStandard)
                case (false, .pin): #expect(type == .fraudGreetingPIN)
                case (true, .standard): #expect(type == .activationGreetingStandard)
                case (true, .pin): #expect(type == .activationGreetingPIN)
                }
            }
        }
        if result == .verified {
            #expect(prompts.last == .authenticationSuccessful)
        }
    }

    @Test("Samples use distinct users, except the numbered sequences that share one on purpose")
    func distinctUsers() throws {
        var users: [String: [String]] = [:]
        for name in Self.sampleNames() {
            let parsed = try CallScriptParser.parse(contentsOf: Self.directory.appendingPathComponent(name))
            users[parsed.user, default: []].append(name)
        }
        for (user, files) in users where files.count > 1 {
            let prefixes = Set(files.map { $0.split(separator: "-").first.map(String.init) ?? $0 })
            #expect(prefixes.count == 1, "\(user) is shared by \(files)")
            #expect(files.allSatisfy { $0.contains("-1-") || $0.contains("-2-") || $0.contains("-3-") || $0.contains("-4-") })
        }
    }
}
