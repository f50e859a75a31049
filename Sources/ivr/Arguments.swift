/// The command line after the program name, with the options every command shares taken out.
///
/// Hand-rolled because the project takes no third-party packages: options may stand anywhere
/// (`ivr --json call a.call` and `ivr call a.call --json` are the same), `--name value` and
/// `--name=value` both work, and `--` ends the options.
struct Arguments {
    private(set) var words: [String] = []
    private(set) var options: [String: String] = [:]
    private(set) var flags: Set<String> = []

    /// Options that take a value; everything else starting with `--` is a flag.
    static let valued: Set<String> = Set(["state", "type", "language", "reason", "user", "limit", "errors", "code", "at",
                                      "out", "audio", "listen", "tls-cert", "tls-key", "role", "name"])
        .union(["phone", "method", "trusted"])  // users add, locations add
    static let knownFlags: Set<String> = ["json", "help", "deliver", "version", "activation"]

    init(_ arguments: [String]) throws(CLIError) {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" || Self.isSettingValue(after: words) {
                words.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            if argument == "-h" { flags.insert("help"); continue }
            guard argument.hasPrefix("--") else { throw .usage("unknown option '\(argument)'") }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if Self.valued.contains(name) {
                if value == nil {
                    guard index < arguments.count else { throw .usage("--\(name) needs a value") }
                    value = arguments[index]
                    index += 1
                }
                guard options[name] == nil else { throw .usage("--\(name) given twice") }
                options[name] = value
            } else if Self.knownFlags.contains(name), value == nil {
                flags.insert(name)
            } else {
                throw .usage("unknown option '--\(name)'")
            }
        }
    }

    /// SPEC §10: after `settings set KEY` the next word is the value even when it starts with `-`
    /// (`ivr settings set lockout.denials -1` is a range error, not an unknown option).
    private static func isSettingValue(after words: [String]) -> Bool {
        words.count == 3 && words[0] == "settings" && words[1] == "set"
    }

    var json: Bool { flags.contains("json") }

    /// Takes the next word (the command, then its subcommand…).
    mutating func next() -> String? {
        words.isEmpty ? nil : words.removeFirst()
    }

    /// Refuses options a command does not take, so a typo is never silently ignored.
    func allowOnly(_ allowed: Set<String>, in command: String) throws(CLIError) {
        for name in options.keys where !allowed.contains(name) && name != "state" {
            throw .usage("'\(command)' takes no --\(name)")
        }
        for name in flags where !allowed.contains(name) && name != "json" && name != "help" {
            throw .usage("'\(command)' takes no --\(name)")
        }
    }

    func required(_ name: String, in command: String) throws(CLIError) -> String {
        guard let value = options[name] else { throw .usage("'\(command)' needs --\(name)") }
        return value
    }

    func noMoreWords(in command: String) throws(CLIError) {
        if let extra = words.first { throw .usage("unexpected '\(extra)' after '\(command)'") }
    }
}
