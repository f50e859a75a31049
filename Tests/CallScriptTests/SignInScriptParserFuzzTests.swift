import Foundation
import SignIn
import TestSupport
import Testing

@testable import CallScript

/// The `.signin` parser under the same seeded mutations as the `.call` parser (SPEC §13): the
/// sign-in samples, with bytes inserted, deleted, replaced, lines duplicated and swapped.
@Suite("SignInScriptParser: seeded mutations")
struct SignInScriptParserFuzzTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/signins")

    static let words: [[UInt8]] = [
        "ip ", "ip ::ffff:1.2.3.4", "client rich-client", "browser ", "method text", "method app-code", "code sent",
        "code ", "call\n", "  ", "approve", "stay-signed-in abandon", "risk high", "guest", "remember", "::", "/",
        "2001:db8::", "256.1.1.1",
    ].map { Array($0.utf8) }

    @Test("5,000 mutated sign-in scripts: no crash, errors name a real line, parsed values obey the rules")
    func mutations() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path).filter { $0.hasSuffix(".signin") }.sorted()
        let seeds = try names.map { [UInt8](try Data(contentsOf: Self.samples.appendingPathComponent($0))) }
        #expect(!seeds.isEmpty)
        var generator = SplitMix64(seed: 2026_12_03)
        var parsed = 0
        var refused = 0
        for _ in 0..<5_000 {
            var bytes = CallScriptParserFuzzTests.mutate(seeds[Int(generator.next() % UInt64(seeds.count))], &generator)
            if generator.next() % 3 == 0 {
                let word = Self.words[Int(generator.next() % UInt64(Self.words.count))]
                bytes.insert(contentsOf: word, at: Int(generator.next() % UInt64(bytes.count + 1)))
            }
            let lineCount = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            do {
                let script = try SignInScriptParser.parse(bytes: bytes, file: "fuzz.signin", now: Date(timeIntervalSince1970: 0))
                parsed += 1
                #expect(script.attempt.user.contains("@"))
                if script.attempt.client == .richClient { #expect(script.attempt.browserID == nil) }
                switch script.evidence {
                case .call(let call): #expect(script.attempt.method == .call && !call.actions.isEmpty && call.user == script.attempt.user)
                case .codes(let codes, _): #expect([.text, .appCode].contains(script.attempt.method) && !codes.isEmpty)
                case .notification: #expect(script.attempt.method == .appNotification)
                case .none: break
                }
            } catch {
                refused += 1
                #expect(!error.message.isEmpty && error.file == "fuzz.signin")
                if let line = error.line {
                    #expect((1...lineCount).contains(line), "line \(line) of \(lineCount): \(error.message)")
                }
            }
        }
        #expect(parsed > 500)
        #expect(refused > 500)
    }
}
