import Foundation
import GreetingAudio
import Verification
import VerificationStore
import VoiceCall

/// `ivr greetings validate|add|list|remove`: custom greetings, proven by decoding (SPEC §4).
enum GreetingsCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        switch args.next() {
        case "validate": return try validate(&args)
        case "add": return try add(&args)
        case "list": return try list(&args)
        case "remove": return try remove(&args)
        case "revalidate": return try revalidate(&args)
        case let other?: throw CLIError.usage("unknown 'greetings' command '\(other)'; expected validate, add, list, remove or revalidate")
        case nil: throw CLIError.usage("'greetings' needs a command: validate, add, list, remove or revalidate")
        }
    }

    private static func validate(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "greetings validate")
        guard !args.words.isEmpty else { throw CLIError.usage("'greetings validate' needs at least one file") }
        var allAccepted = true
        while let path = args.next() {
            let report = GreetingValidator.validate(fileAt: path)
            allAccepted = allAccepted && report.accepted
            if args.json { Output.json(report) } else { print(report) }
        }
        return allAccepted ? 0 : 1
    }

    /// Validates and stores the file through the service. `add` and `list` first sweep files no
    /// catalog row references (debris of an upload killed between its rename and its commit).
    private static func add(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["type", "language"], in: "greetings add")
        let (type, language) = try typeAndLanguage(args, command: "greetings add")
        guard let path = args.next() else { throw CLIError.usage("'greetings add' needs the audio file") }
        try args.noMoreWords(in: "greetings add")
        let upload = try StateDirectory.session(args).addGreeting(type: type, language: language, file: path)
        guard let record = upload.record else {
            if args.json { Output.json(upload.report) } else { print(upload.report) }
            return 1
        }
        if args.json {
            Output.json(record)
        } else {
            Output.line("Stored \(type.id) in \(record.language): \(String(format: "%.2f", record.durationSeconds)) s \(record.format.uppercased()), replacing any previous one.")
        }
        return 0
    }

    private static func list(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "greetings list")
        try args.noMoreWords(in: "greetings list")
        let records = try StateDirectory.readingSession(args).greetings()
        if args.json {
            records.forEach { Output.json($0) }
        } else if records.isEmpty {
            Output.line("No custom greetings: every prompt plays its default script.")
        } else {
            let rows = records.map { [$0.type.id, $0.language.description, $0.format, String(format: "%.2f s", $0.durationSeconds), "\($0.sizeBytes) bytes"] }
            Output.table([["TYPE", "LANGUAGE", "FORMAT", "DURATION", "SIZE"]] + rows).forEach(Output.line)
        }
        return 0
    }

    private static func remove(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["type", "language"], in: "greetings remove")
        let (type, language) = try typeAndLanguage(args, command: "greetings remove")
        try args.noMoreWords(in: "greetings remove")
        let removed = try StateDirectory.session(args).removeGreeting(type: type, language: language)
        if args.json {
            Output.json(["removed": removed])
        } else {
            Output.line(removed ? "Removed \(type.id) in \(language)." : "No custom \(type.id) greeting in \(language).")
        }
        return removed ? 0 : 1
    }

    /// Decodes every stored greeting again (after a library upgrade, say, or to check the state
    /// directory was not tampered with); exit 1 when any no longer passes.
    private static func revalidate(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "greetings revalidate")
        try args.noMoreWords(in: "greetings revalidate")
        var allAccepted = true
        for report in try StateDirectory.session(args).revalidateGreetings() {
            allAccepted = allAccepted && report.accepted
            if args.json { Output.json(report) } else { print(report) }
        }
        return allAccepted ? 0 : 1
    }

    private static func typeAndLanguage(_ args: Arguments, command: String) throws -> (MessageType, LanguageTag) {
        let typeText = try args.required("type", in: command)
        let languageText = try args.required("language", in: command)
        guard let type = MessageType(rawValue: typeText) else {
            throw CLIError.invalidInput("--type: '\(typeText)' is not a message type; 'ivr prompts' lists the 18 types")
        }
        do {
            return (type, try LanguageTag(languageText))
        } catch {
            throw CLIError.invalidInput("--language: \(error)")
        }
    }

    private static func print(_ report: GreetingReport) {
        let duration = report.durationSeconds.map { String(format: "%.3f s", $0) } ?? "no audio"
        let format = report.format?.rawValue.uppercased() ?? "unknown format"
        if report.accepted {
            Output.line("✓ \(report.file): accepted (\(format), \(duration), \(report.sizeBytes) bytes)")
        } else {
            Output.line("✗ \(report.file): rejected (\(format), \(duration), \(report.sizeBytes) bytes)")
            report.reasons.forEach { Output.line("    - \($0)") }
        }
    }
}
