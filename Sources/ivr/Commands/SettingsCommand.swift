import Foundation
import VerificationStore
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
        let settings = try StateDirectory.service(args).store.loadSettings()
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
        let service = try StateDirectory.service(args)
        let updated: Settings
        do {
            updated = try service.store.updateSettings { settings in
                try settings.set(key, to: value) { input in
                    let check = CallerID.check(input)
                    return (check.valid, check.e164, check.reason)
                }
            }
        } catch let error as SettingsError {
            throw CLIError.invalidInput(error.description)
        }
        if key == "fraud.code" { warnAboutRecordedFraudGreetings(service.store.greetings) }
        let shown = SettingKey(rawValue: key).map { updated.value(of: $0) } ?? value
        if args.json { Output.json([key: shown]) } else { Output.line("\(key) = \(shown)") }
        return 0
    }

    /// A custom fraud greeting speaks whatever code it was recorded with; after a change of code
    /// the admin must re-record it in every language that has one (SPEC §3).
    private static func warnAboutRecordedFraudGreetings(_ greetings: () throws -> [GreetingRecord]) {
        guard let records = try? greetings() else { return }
        let stale = records.filter { $0.type == .fraudGreetingStandard || $0.type == .fraudGreetingPIN }
        guard !stale.isEmpty else { return }
        let list = stale.map { "\($0.type.id) (\($0.language))" }.joined(separator: ", ")
        Output.error("warning: custom fraud greetings still speak the old code; re-record them: \(list)")
    }
}
