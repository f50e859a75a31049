import Foundation
import TestSupport
import Testing
import VoiceCall

@testable import CallScript

/// A seeded mutation corpus (SPEC §13): the samples and the SPEC example, with bytes inserted,
/// deleted, replaced and lines shuffled. Deterministic, so a failure reproduces; the minutes-long
/// libFuzzer run can call ``CallScriptParser/parse(bytes:file:)`` the same way.
@Suite("CallScriptParser: seeded mutations")
struct CallScriptParserFuzzTests {
    static func seeds() throws -> [[UInt8]] {
        var seeds = [Array(CallScriptParserTests.specExample.utf8)]
        for name in SampleScriptTests.sampleNames() {
            let data = try Data(contentsOf: SampleScriptTests.directory.appendingPathComponent(name))
            seeds.append([UInt8](data))
        }
        return seeds
    }

    /// Bytes a mutation likes to insert: the format's own punctuation, keywords and UTF-8 edges.
    static let dictionary: [[UInt8]] = [
        "#", " ", "\t", "\n", "\r", "\r\n", "@", ".", "-", "0", "9", "*", "A", "a", "press ", "press", "wait ", "answer",
        "answer after ", "no-answer", "hangup", "listen", "user ", "phone ", "method pin", "pin ", "at ", "activation",
        "language ", "1e9", "-1", "NaN", "3600", "3600.0001", "T", "Z", "+01:00", "é", "\u{FEFF}", "\u{7}",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    static func mutate(_ input: [UInt8], _ generator: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let rounds = 1 + Int(generator.next() % 4)
        for _ in 0..<rounds {
            let position = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count + 1))
            switch generator.next() % 6 {
            case 0:  // insert a dictionary word
                let word = Self.dictionary[Int(generator.next() % UInt64(Self.dictionary.count))]
                bytes.insert(contentsOf: word, at: position)
            case 1:  // delete a run
                guard !bytes.isEmpty else { continue }
                let start = min(position, bytes.count - 1)
                let end = min(bytes.count, start + 1 + Int(generator.next() % 8))
                bytes.removeSubrange(start..<end)
            case 2:  // replace a byte with any byte
                guard !bytes.isEmpty else { continue }
                bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: generator.next())
            case 3:  // duplicate a line
                var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                guard !lines.isEmpty else { continue }
                let index = Int(generator.next() % UInt64(lines.count))
                lines.insert(lines[index], at: index)
                bytes = Array(lines.joined(separator: [0x0A]))
            case 4:  // swap two lines
                var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                guard lines.count > 1 else { continue }
                let a = Int(generator.next() % UInt64(lines.count))
                let b = Int(generator.next() % UInt64(lines.count))
                lines.swapAt(a, b)
                bytes = Array(lines.joined(separator: [0x0A]))
            default:  // flip one bit
                guard !bytes.isEmpty else { continue }
                bytes[min(position, bytes.count - 1)] ^= UInt8(1 << (generator.next() % 8))
            }
        }
        return bytes
    }

    @Test("20,000 mutated scripts: no crash, errors name a real line, parsed values obey the rules")
    func mutations() throws {
        let seeds = try Self.seeds()
        var generator = SplitMix64(seed: 2026_11_25)
        var parsedCount = 0
        var refusedCount = 0
        for _ in 0..<20_000 {
            let seed = seeds[Int(generator.next() % UInt64(seeds.count))]
            let bytes = Self.mutate(seed, &generator)
            let lineCount = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            do {
                let parsed = try CallScriptParser.parse(bytes: bytes, file: "fuzz.call")
                parsedCount += 1
                Self.checkInvariants(parsed)
                #expect(try CallScriptParser.parse(bytes: bytes, file: "fuzz.call") == parsed)
            } catch {
                refusedCount += 1
                #expect(!error.message.isEmpty)
                #expect(error.file == "fuzz.call")
                if let line = error.line {
                    #expect((1...lineCount).contains(line), "line \(line) of \(lineCount): \(error.message)")
                }
            }
        }
        // Both outcomes must be exercised, or the corpus is not testing much.
        #expect(parsedCount > 1_000)
        #expect(refusedCount > 1_000)
    }

    static func checkInvariants(_ parsed: CallScriptFile) {
        #expect(parsed.user.contains("@"))
        #expect(!parsed.phone.isEmpty)
        #expect((parsed.method == .pin) == (parsed.pin != nil))
        if let pin = parsed.pin {
            #expect((4...8).contains(pin.count) && pin.allSatisfy(\.isASCII) && pin.allSatisfy(\.isNumber))
        }
        let first = parsed.actions.first?.kind
        switch first {
        case .answer, .noAnswer: break
        default: Issue.record("first action \(String(describing: first))")
        }
        var previousLine = 0
        for (index, action) in parsed.actions.enumerated() {
            #expect(action.line > previousLine)
            previousLine = action.line
            switch action.kind {
            case .answer(let after):
                #expect(index == 0 && after >= 0 && after <= CallScriptParser.maximumSeconds)
            case .noAnswer:
                #expect(index == 0 && parsed.actions.count == 1)
            case .wait(let seconds):
                #expect(seconds > 0 && seconds <= CallScriptParser.maximumSeconds)
            case .press(let keys):
                #expect(!keys.isEmpty && keys.allSatisfy { DTMFKey($0) != nil })
            case .listen, .hangup:
                break
            }
        }
    }
}
