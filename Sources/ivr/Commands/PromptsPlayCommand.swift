import Foundation
import GreetingAudio
import PromptAudio
import Verification
import VoiceCall

/// `ivr prompts play TYPE [--language TAG] --out FILE.wav`: one prompt as a caller of that
/// language hears it (a custom greeting when one applies), written as 8 kHz 16-bit mono WAV:
/// the audio before G.711 coding (SPEC §14).
enum PromptsPlayCommand {
    private struct Played: Encodable {
        var type: String
        var language: String
        var source: String
        var durationSeconds: Double
        var file: String
    }

    static func run(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["language", "out"], in: "prompts play")
        guard let typeID = args.next() else { throw CLIError.usage("'prompts play' needs a prompt type (see 'ivr prompts')") }
        try args.noMoreWords(in: "prompts play")
        let out = try args.required("out", in: "prompts play")
        guard let type = MessageType(rawValue: typeID) else {
            throw CLIError.invalidInput("unknown prompt type '\(typeID)'; 'ivr prompts' lists the 18 types")
        }
        let preference: LanguagePreference
        do {
            preference = try LanguagePreference(parsing: args.options["language"] ?? "en-US")
        } catch {
            throw CLIError.invalidInput("--language: \(error)")
        }
        let service = try StateDirectory.session(args)
        let played: (prompt: ResolvedPrompt, audio: TelephoneAudio)
        do {
            played = try service.promptAudio(
                type, languages: preference,
                extension: type == .extensionPromptBeforeDigits ? PromptsCommand.exampleExtension : nil)
            try WAVWriter.write16(path: out, samples: played.audio.samples, channels: 1, sampleRate: TelephoneAudio.sampleRate)
        } catch let error as PromptAudioError {
            throw CLIError.failure(error.description)
        } catch let error as AudioDecodingError {
            throw CLIError.failure("--out \(out): \(error.message)")
        }
        let result = Played(
            type: type.id, language: played.prompt.language.description, source: played.prompt.source.rawValue,
            durationSeconds: played.audio.durationSeconds, file: out)
        if args.json {
            Output.json(result)
        } else {
            Output.line("\(result.type) [\(result.language), \(result.source)] \(String(format: "%.3f", result.durationSeconds)) s → \(out)")
        }
        return 0
    }
}
