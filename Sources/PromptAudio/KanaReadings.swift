import Foundation
import DefaultGreetings
import VoiceCall

/// Replaces written phrases by how the synthesizer must hear them, for languages whose script it
/// cannot read as written (SPEC §14: Japanese reaches espeak-ng as kana only, no kanji).
///
/// The readings come from `Greetings/readings/LANGUAGE.txt` ("phrase = reading" lines). Longest
/// phrases are replaced first, so a compound wins over its parts. The displayed text never changes:
/// only what is handed to espeak-ng.
public struct KanaReadings: Sendable {
    /// By lower-cased language tag: (phrase, reading), longest phrase first.
    private let readings: [String: [(phrase: String, reading: String)]]

    /// The readings shipped with the default scripts.
    public static let shipped: KanaReadings = {
        let files = (try? DefaultGreetings.readings()) ?? [:]
        return KanaReadings(files: files)
    }()

    /// Parses reading files keyed by language tag.
    public init(files: [String: String]) {
        var readings: [String: [(phrase: String, reading: String)]] = [:]
        for (tag, text) in files {
            var pairs: [(phrase: String, reading: String)] = []
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
                let phrase = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
                let reading = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                if !phrase.isEmpty { pairs.append((phrase, reading)) }
            }
            readings[tag.lowercased()] = pairs.sorted { $0.phrase.count > $1.phrase.count }
        }
        self.readings = readings
    }

    /// The text espeak-ng is given for `text` written in `language`: with its readings applied
    /// when the language has any (exact tag, else any tag of the same primary language).
    public func speechText(_ text: String, language: LanguageTag) -> String {
        let pairs = self.readings[language.description.lowercased()]
            ?? self.readings.first { $0.key.split(separator: "-").first.map(String.init) == language.primary }?.value
        guard let pairs else { return text }
        var result = text
        for pair in pairs { result = result.replacingOccurrences(of: pair.phrase, with: pair.reading) }
        return result
    }
}
