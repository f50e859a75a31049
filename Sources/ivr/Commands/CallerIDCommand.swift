import VoiceCall

/// `ivr caller-id check NUMBER...`: is each number acceptable as the MFA caller ID (SPEC §6)?
/// Exit 1 when any is not.
enum CallerIDCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        guard args.next() == "check" else { throw CLIError.usage("expected 'ivr caller-id check NUMBER...'") }
        try args.allowOnly([], in: "caller-id check")
        guard !args.words.isEmpty else { throw CLIError.usage("'caller-id check' needs at least one number") }
        var allValid = true
        while let input = args.next() {
            let check = CallerID.check(input)
            allValid = allValid && check.valid
            if args.json {
                Output.json(check)
            } else if let e164 = check.e164, check.valid {
                Output.line("✓ \(input): valid US caller ID, \(e164)")
            } else {
                Output.line("✗ \(input): \(check.reason ?? "not a valid caller ID")")
            }
        }
        return allValid ? 0 : 1
    }
}
