import Foundation
import PromptAudio
import Verification
import VoiceCall

/// `ivr prompts render [--language TAG]`: fills the render cache (SPEC §14). Without
/// `--language`: the six default languages and every language that has a custom greeting.
enum PromptsRenderCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["language"], in: "prompts render")
        try args.noMoreWords(in: "prompts render")
        var languages: [LanguageTag]?
        if let value = args.options["language"] {
            do {
                languages = [try LanguageTag(value)]
            } catch {
                throw CLIError.invalidInput("--language: \(error)")
            }
        }
        let service = try StateDirectory.session(args)
        do {
            for language in try languages ?? service.renderLanguages() {
                let rendered = try service.renderPrompts(language: language)
                for prompt in rendered {
                    if args.json {
                        Output.json(prompt)
                    } else {
                        let seconds = String(format: "%6.3f", prompt.durationSeconds)
                        Output.line("\(language)  \(prompt.type) [\(prompt.language), \(prompt.source)]  \(seconds) s  \(prompt.status)")
                    }
                }
            }
        } catch let error as PromptAudioError {
            throw CLIError.failure(error.description)
        }
        return 0
    }
}
