import Foundation
import Testing
@testable import DefaultGreetings

/// The texts compiled into the binary are exactly the `Greetings/scripts/*.txt` files: a script
/// edited without running `python3 Greetings/embed-scripts.py` fails here.
@Suite struct EmbeddedScriptsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Greetings/scripts")

    @Test("every script file is embedded byte for byte, and nothing else is")
    func inSync() throws {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path) where name.hasSuffix(".txt") {
            files[String(name.dropLast(4))] = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        }
        let embedded = try DefaultGreetings.scripts()
        #expect(!files.isEmpty)
        #expect(Set(embedded.keys) == Set(files.keys))
        for (language, text) in files {
            #expect(embedded[language].map { Array($0.utf8) } == Array(text.utf8), "\(language) differs: run python3 Greetings/embed-scripts.py")
        }
    }
}
