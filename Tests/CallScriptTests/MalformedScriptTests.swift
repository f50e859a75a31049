import Foundation
import TestSupport
import Testing

@testable import CallScript

/// The corpus of refused scripts in `Malformed/`, read from disk the way `ivr call` reads them.
@Suite("Malformed scripts")
struct MalformedScriptTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Malformed")

    /// One corpus file, the line its error must name, and a fragment of the message.
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let line: Int
        let fragment: String
        var testDescription: String { self.file }
    }

    static let cases: [Case] = [
        Case(file: "unknown-keyword.call", line: 6, fragment: "unknown keyword 'pres'; expected one of: listen, wait, press, hangup (did you mean 'press'?)"),
        Case(file: "bad-key.call", line: 5, fragment: "key 2 of the press, 'x', is not a phone key"),
        Case(file: "lowercase-letter-key.call", line: 4, fragment: "(the letters are uppercase)"),
        Case(file: "negative-wait.call", line: 4, fragment: "'wait' seconds cannot be negative"),
        Case(file: "missing-user.call", line: 3, fragment: "missing the 'user' line"),
        Case(file: "missing-phone.call", line: 3, fragment: "missing the 'phone' line"),
        Case(file: "pin-on-standard-call.call", line: 3, fragment: "a PIN is only used by 'method pin'"),
        Case(file: "pin-method-without-pin.call", line: 3, fragment: "'method pin' needs a 'pin' line"),
        Case(file: "bad-timestamp-day.call", line: 3, fragment: "day 30 in '2026-02-30T10:00:00Z' does not exist"),
        Case(file: "timestamp-without-zone.call", line: 3, fragment: "needs a time zone"),
        Case(file: "timestamp-not-a-date.call", line: 3, fragment: "'tomorrow' does not start with a date"),
        Case(file: "binary-garbage.call", line: 1, fragment: "not valid UTF-8"),
        Case(file: "empty.call", line: 1, fragment: "the script is empty"),
        Case(file: "comments-only.call", line: 1, fragment: "the script is empty"),
        Case(file: "duplicate-header.call", line: 4, fragment: "duplicate 'user' line; it was already given on line 1"),
        Case(file: "header-after-action.call", line: 5, fragment: "'method' is a header line and must come before the first action (line 3)"),
        Case(file: "wait-nan.call", line: 4, fragment: "'NaN' is not a number of seconds"),
        Case(file: "wait-exponent.call", line: 4, fragment: "'1e3' is not a number of seconds"),
        Case(file: "wait-zero.call", line: 4, fragment: "'wait' needs more than 0 seconds"),
        Case(file: "wait-too-long.call", line: 4, fragment: "over the limit of 3600 seconds"),
        Case(file: "answer-twice.call", line: 5, fragment: "the call was already answered on line 3"),
        Case(file: "answer-without-after.call", line: 3, fragment: "expected 'answer' or 'answer after SECONDS'"),
        Case(file: "press-no-keys.call", line: 5, fragment: "'press' needs the keys"),
        Case(file: "press-comment-only.call", line: 4, fragment: "'press' takes one word of keys"),
        Case(file: "press-two-words.call", line: 4, fragment: "'press' takes one word of keys"),
        Case(file: "non-utf8.call", line: 3, fragment: "not valid UTF-8"),
        Case(file: "nul-byte.call", line: 3, fragment: "NUL byte"),
        Case(file: "control-character.call", line: 4, fragment: "control character U+0007"),
        Case(file: "lone-carriage-return.call", line: 1, fragment: "control character U+000D"),
        Case(file: "user-without-at.call", line: 1, fragment: "user name 'alice' is not of the form user@domain"),
        Case(file: "user-two-words.call", line: 1, fragment: "'user' takes one word"),
        Case(file: "bad-pin.call", line: 4, fragment: "the PIN must be 4–8 digits"),
        Case(file: "first-action-not-answer.call", line: 3, fragment: "the first action must be 'answer', 'answer after SECONDS' or 'no-answer'; got 'listen'"),
        Case(file: "action-after-no-answer.call", line: 4, fragment: "no action may follow 'no-answer' (line 3)"),
        Case(file: "no-actions.call", line: 4, fragment: "no actions"),
        Case(file: "unknown-method.call", line: 3, fragment: "'method' must be 'standard' or 'pin'; got 'voice'"),
        Case(file: "activation-with-value.call", line: 3, fragment: "'activation' takes no value"),
        Case(file: "uppercase-keyword.call", line: 1, fragment: "keywords are lowercase: 'user'"),
        Case(file: "long-line.call", line: 4, fragment: "line too long (5002 bytes)"),
        Case(file: "listen-with-value.call", line: 4, fragment: "'listen' takes no value; got '5'"),
    ]

    @Test("Each corpus file is refused at its line with its message", arguments: cases)
    func refused(_ testCase: Case) throws {
        let url = Self.directory.appendingPathComponent(testCase.file)
        do {
            let parsed = try CallScriptParser.parse(contentsOf: url)
            Issue.record("\(testCase.file) parsed into \(parsed.actions.count) actions")
        } catch {
            #expect(error.line == testCase.line, "\(error.description)")
            #expect(error.message.contains(testCase.fragment), "\(error.description)")
            #expect(error.file == url.path)
            #expect(error.description.hasPrefix("\(url.path):\(testCase.line): "))
        }
    }

    @Test("Every file in Malformed/ is in the table, and there are at least 20")
    func corpusIsCovered() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".call") }
        #expect(Set(names) == Set(Self.cases.map(\.file)))
        #expect(names.count >= 20)
    }

    @Test("The PIN of bad-pin.call does not appear in its error")
    func badPINNotEchoed() throws {
        do {
            _ = try CallScriptParser.parse(contentsOf: Self.directory.appendingPathComponent("bad-pin.call"))
            Issue.record("bad-pin.call parsed")
        } catch {
            #expect(!error.description.contains("987"))
        }
    }

    // MARK: - Generated inputs

    /// Writes `bytes` to a fresh temporary file and parses it.
    static func parseBytes(_ bytes: [UInt8]) throws -> CallScriptError? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("callscript-\(UUID().uuidString).call")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try CallScriptParser.parse(contentsOf: url)
            return nil
        } catch {
            return error
        }
    }

    @Test("A file of one 1 MB line is refused at line 1 for its length")
    func megabyteLineFile() throws {
        let error = try #require(try Self.parseBytes(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)))
        #expect(error.line == 1)
        #expect(error.message.contains("line too long"))
    }

    @Test("A file over 1 MiB is refused by its size, with no line")
    func oversizedFile() throws {
        let line = Array("# padding padding padding padding padding padding padding padding\n".utf8)
        var bytes: [UInt8] = Array("user a@b.com\nphone 1\nanswer\n".utf8)
        while bytes.count <= CallScriptParser.maximumFileBytes {
            bytes += line
        }
        let error = try #require(try Self.parseBytes(bytes))
        #expect(error.line == nil)
        #expect(error.message.contains("larger than 1 MiB"))

        // Exactly at the limit is still read (and here parses).
        let atLimit = Array(bytes.prefix(CallScriptParser.maximumFileBytes - 1)) + [0x0A]
        #expect(atLimit.count == CallScriptParser.maximumFileBytes)
        #expect(try Self.parseBytes(atLimit) == nil)
    }

    @Test(
        "Ill-formed UTF-8 is refused at the line that holds it",
        arguments: [
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
            [0x80], [0xC3], [0xE2, 0x82], [0xFF], [0xFE],
        ] as [[UInt8]]
    )
    func illFormedUTF8(sequence: [UInt8]) throws {
        let bytes = Array("user a@b.com\nphone 1\n# ".utf8) + sequence + Array("\nanswer\n".utf8)
        let error = try #require(try Self.parseBytes(bytes))
        #expect(error.line == 3)
        #expect(error.message.contains("not valid UTF-8"))
    }

    @Test("Well-formed multi-byte UTF-8 passes the byte check")
    func wellFormedUTF8() {
        let text = "é € 𝄞 \u{10FFFF} \u{D7FF} \u{E000}"
        #expect(CallScriptParser.firstBadByte(in: Array(text.utf8)) == nil)
        #expect(CallScriptParser.firstBadByte(in: [0x61, 0x00])?.offset == 1)
        #expect(CallScriptParser.firstBadByte(in: [0x61, 0x00])?.isNUL == true)
    }

    @Test("Random binary garbage never crashes the parser and never parses")
    func seededGarbage() throws {
        var generator = SplitMix64(seed: 0x5EED_CA11)
        for _ in 0..<500 {
            let count = Int(generator.next() % 300)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let error = try #require(try Self.parseBytes(bytes))
            #expect(error.line.map { $0 >= 1 } ?? true)
        }
    }
}
