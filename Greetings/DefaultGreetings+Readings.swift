import Foundation

extension DefaultGreetings {
    /// The kana readings of the languages whose synthesizer cannot read their script as written
    /// (`readings/ja-JP.txt`), keyed by language tag, with the file's text. espeak-ng reads
    /// Japanese in kana only, so PromptAudio replaces each phrase with its reading before speaking.
    public static func readings() throws -> [String: String] {
        guard let folder = Bundle.module.url(forResource: "readings", withExtension: nil) else { return [:] }
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".txt") {
            result[String(name.dropLast(4))] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return result
    }
}
