import Foundation
import Testing

@testable import CallScript

/// `parse(path:)` is what `ivr call` uses for every script; it must name and open the same file as
/// `parse(contentsOf: URL(fileURLWithPath:))`, with the same errors.
@Suite("CallScriptParser: scripts by path")
struct CallScriptPathTests {
    static let script = "user alice@contoso.com\nphone +1 425 555 0100\nanswer\nlisten\npress #\n"

    /// The parse of `path` both ways, as a value or an error's text.
    static func both(_ path: String) -> (byPath: String, byURL: String) {
        func outcome(_ parse: () throws(CallScriptError) -> CallScriptFile) -> String {
            do { return "\(try parse())" } catch { return "error: \(error.description)" }
        }
        return (outcome { () throws(CallScriptError) in try CallScriptParser.parse(path: path) },
                outcome { () throws(CallScriptError) in try CallScriptParser.parse(contentsOf: URL(fileURLWithPath: path)) })
    }

    @Test("Plain, doubled-slash, dotted, trailing-slash, missing and directory paths")
    func sameAsURL() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.script.write(to: directory.appendingPathComponent("a.call"), atomically: true, encoding: .utf8)
        try "user bob@contoso.com\nanswer\n".write(to: directory.appendingPathComponent("b.call"), atomically: true, encoding: .utf8)
        let base = directory.path
        let paths = [
            "\(base)/a.call", "\(base)//a.call", "\(base)/./a.call", "\(base)/a.call/", "\(base)/b.call", "\(base)/missing.call",
            base, "\(base)/", "/dev/null", "",
        ]
        for path in paths {
            let (byPath, byURL) = Self.both(path)
            #expect(byPath == byURL, "\(path)")
        }
        #expect(Self.both("\(base)/a.call").byPath.contains("alice@contoso.com"))
        #expect(Self.both("\(base)/missing.call").byPath == "error: \(base)/missing.call: no such file")
    }

    @Test("Text and bytes parse alike, line numbers and messages included")
    func textAndBytes() throws {
        let texts = [
            Self.script, "\u{FEFF}" + Self.script, Self.script.replacingOccurrences(of: "\n", with: "\r\n"),
            "user alice@contoso.com\n\tphone +1 425 555 0100 \r\nanswer\u{85}\n", "user a@b.c\nphone 1\nanswer\npress #\u{301}\n",
            "", "\n", "\n\n", "# only a comment", "user a@b.c\nphone 1\nanswer\nwait\u{7F} 2\n", String(repeating: "x", count: 4_097),
        ]
        for text in texts {
            var byText: String
            var byBytes: String
            do { byText = "\(try CallScriptParser.parse(text, file: "t.call"))" } catch { byText = error.description }
            do { byBytes = "\(try CallScriptParser.parse(bytes: Array(text.utf8), file: "t.call"))" } catch { byBytes = error.description }
            #expect(byText == byBytes, "\(text.debugDescription)")
        }
    }
}
