import Foundation
import Verification
import VoiceCall

/// `ivr settings show` and `ivr settings set KEY VALUE` (SPEC §10). A rejected value exits 1
/// and changes nothing: the store applies the change in one transaction or not at all.
enum SettingsCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        switch args.next() {
        case "show": return try show(&args)
        case "set": return try set(&args)
        case let other?: throw CLIError.usage("unknown 'settings' command '\(other)'; expected show or set")
        case nil: throw CLIError.usage("'settings' needs a command: show or set")
        }
    }

    private static func show(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "settings show")
        try args.noMoreWords(in: "settings show")
        let settings = try StateDirectory.readingSession(args).settings()
        if args.json {
            var object: [String: String] = [:]
            for key in SettingKey.allCases { object[key.name] = settings.value(of: key) }
            Output.json(object)
        } else {
            Output.table(SettingKey.allCases.map { [$0.name, settings.value(of: $0), "(\($0.allowedValues))"] }).forEach(Output.line)
        }
        return 0
    }

    private static func set(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "settings set")
        guard let key = args.next(), let value = args.next() else {
            throw CLIError.usage("expected 'ivr settings set KEY VALUE'")
        }
        try args.noMoreWords(in: "settings set")
        let change: SettingChange
        do {
            change = try StateDirectory.session(args).changeSetting(key, to: value)
        } catch let error as SettingsError {
            throw CLIError.invalidInput(error.description)
        }
        if !change.staleFraudGreetings.isEmpty {
            // A custom fraud greeting speaks whatever code it was recorded with (SPEC §3).
            let list = change.staleFraudGreetings.map { "\($0.type.id) (\($0.language))" }.joined(separator: ", ")
            Output.error("warning: custom fraud greetings still speak the old code; re-record them: \(list)")
        }
        if let advice = SettingKey.advisory(after: change.key, value: change.shown) { Output.error("warning: \(advice)") }
        if args.json { Output.json([change.key: change.shown]) } else { Output.line("\(change.key) = \(change.shown)") }
        return 0
    }
}
