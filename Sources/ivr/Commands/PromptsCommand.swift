import Foundation
import Verification
import VoiceCall

/// `ivr prompts [--language TAG]`: the 18 message types, when each plays, and what it says in
/// that language under the current settings (product name, fraud code) and greetings.
enum PromptsCommand {
    /// The extension spoken in the example text of *Extension prompt before digits*.
    static let exampleExtension = "1234"

    private struct Entry: Encodable {
        var type: String
        var name: String
        var whenPlayed: String
        var language: String
        var source: String
        var text: String?
        var durationSource: String
    }

    static func run(_ args: inout Arguments) throws -> Int32 {
        switch args.words.first {
        case "render":
            _ = args.next()
            return try PromptsRenderCommand.run(&args)
        case "play":
            _ = args.next()
            return try PromptsPlayCommand.run(&args)
        default:
            break
        }
        try args.allowOnly(["language"], in: "prompts")
        try args.noMoreWords(in: "prompts")
        let preference: LanguagePreference
        do {
            preference = try LanguagePreference(parsing: args.options["language"] ?? "en-US")
        } catch {
            throw CLIError.invalidInput("--language: \(error)")
        }
        let resolver = try StateDirectory.session(args).promptResolver(for: preference)
        for type in MessageType.allCases {
            let prompt = resolver.resolve(type, extension: type == .extensionPromptBeforeDigits ? exampleExtension : nil)
            let entry = Entry(type: type.id, name: type.displayName, whenPlayed: type.whenPlayed, language: prompt.language.description,
                              source: prompt.source.rawValue, text: prompt.text,
                              durationSource: prompt.durationSource.rawValue)
            if args.json {
                Output.json(entry)
            } else {
                Output.line("\(type.id) — \(type.displayName) [\(prompt.language.description), \(prompt.source.rawValue)]")
                Output.line("  When: \(type.whenPlayed)")
                Output.line("  Says: \(prompt.text ?? "(custom recording, \(String(format: "%.1f", prompt.durationSeconds)) s)")")
                Output.line("  Lasts: \(String(format: "%.3f", prompt.durationSeconds)) s (\(prompt.durationSource.rawValue))")
                Output.line("")
            }
        }
        return 0
    }
}
