import Foundation

/// The default prompt scripts of this folder, one `scripts/LANGUAGE.txt` file per language, shipped
/// with the binary as resources. This is the only code here: it hands the texts to the pure
/// `VoiceCall` module, which parses them, so that module never touches a file.
public enum DefaultGreetings {
    /// Every default script, keyed by the file's language tag (`en-US`), with the file's text.
    public static func scripts() throws -> [String: String] {
        guard let folder = Bundle.module.url(forResource: "scripts", withExtension: nil) else { return [:] }
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".txt") {
            let url = folder.appendingPathComponent(name)
            result[String(name.dropLast(4))] = try String(contentsOf: url, encoding: .utf8)
        }
        return result
    }
}
