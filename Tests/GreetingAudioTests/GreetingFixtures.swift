import Foundation

/// Paths to the committed samples and a scratch directory for files the tests build.
enum GreetingFixtures {
    /// `Samples/greetings` in the repository (found from this file's path, not the working directory).
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/greetings")

    static func sample(_ relative: String) -> String {
        samples.appendingPathComponent(relative).path
    }

    /// A fresh directory under the system temporary directory.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("greeting-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` to `name` in a new scratch directory and returns the path.
    static func write(_ bytes: [UInt8], named name: String) throws -> String {
        let url = try scratchDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Copies a sample under a new name (to test extensions without committing duplicates).
    static func copy(sample relative: String, as name: String) throws -> String {
        let url = try scratchDirectory().appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: sample(relative), toPath: url.path)
        return url.path
    }

    static func read(sample relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: sample(relative))))
    }
}
