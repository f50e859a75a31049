import Foundation
import VerificationStore
import VoiceCall

/// `ivr users block|unblock USER --reason TEXT` and `ivr users list` (SPEC §5): a block lasts 90
/// days unless lifted; lifting it also clears the PIN denial counter.
enum UsersCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        switch args.next() {
        case "block": return try change(&args, blocking: true)
        case "unblock": return try change(&args, blocking: false)
        case "list": return try list(&args)
        case let other?: throw CLIError.usage("unknown 'users' command '\(other)'; expected block, unblock or list")
        case nil: throw CLIError.usage("'users' needs a command: block, unblock or list")
        }
    }

    private static func change(_ args: inout Arguments, blocking: Bool) throws -> Int32 {
        let command = blocking ? "users block" : "users unblock"
        try args.allowOnly(["reason"], in: command)
        guard let name = args.next() else { throw CLIError.usage("'\(command)' needs a user name") }
        try args.noMoreWords(in: command)
        let reason = try checkedReason(args.required("reason", in: command))
        let user: UserName
        do { user = try UserName(name) } catch { throw CLIError.invalidInput("\(error)") }

        let service = try StateDirectory.service(args)
        let now = service.now
        if blocking {
            let until = BlockPolicy.blockEnd(from: now)
            try service.store.block(user: user, reason: reason, at: now, until: until, by: "admin")
            if args.json {
                Output.json(UserRestrictions.BlockResult(user: user.value, blocked: true, until: Output.timestamp(until)))
            } else {
                Output.line("Blocked \(user) until \(Output.timestamp(until)): every verification is denied until then.")
            }
        } else {
            let lifted = try service.store.unblock(user: user, reason: reason, at: now)
            if args.json {
                Output.json(UserRestrictions.UnblockResult(user: user.value, unblocked: lifted))
            } else {
                Output.line(lifted ? "Unblocked \(user); the PIN denial counter is cleared." : "\(user) was not blocked or locked out.")
            }
        }
        return 0
    }

    private static func list(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "users list")
        try args.noMoreWords(in: "users list")
        let store = try StateDirectory.readingStore(args)
        let now = Date()
        UserRestrictions.print(blocks: try store.blocks(at: now), lockouts: try store.lockouts(at: now), json: args.json)
        return 0
    }

    /// A reason is shown in tables and e-mails: one line of printable text.
    private static func checkedReason(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw CLIError.invalidInput("--reason: give a reason (it is kept with the block)") }
        guard trimmed.count <= 500 else { throw CLIError.invalidInput("--reason: at most 500 characters") }
        guard !trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw CLIError.invalidInput("--reason: control characters and line breaks are not allowed")
        }
        return trimmed
    }
}
