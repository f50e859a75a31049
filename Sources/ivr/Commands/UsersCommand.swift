import Foundation
import Verification
import VerificationStore
import VoiceCall

/// `ivr users block|unblock USER --reason TEXT` and `ivr users list` (SPEC §5): a block lasts 90
/// days unless lifted; lifting it also clears the PIN denial counter.
enum UsersCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        switch args.next() {
        case "block": return try block(&args)
        case "unblock": return try unblock(&args)
        case "list": return try list(&args)
        case let other? where UsersDirectoryCommand.commands.contains(other): return try UsersDirectoryCommand.run(other, &args)
        case let other?:
            throw CLIError.usage("unknown 'users' command '\(other)'; expected block, unblock, list, \(UsersDirectoryCommand.commands.joined(separator: ", "))")
        case nil: throw CLIError.usage("'users' needs a command: block, unblock, list, \(UsersDirectoryCommand.commands.joined(separator: ", "))")
        }
    }

    private static func userAndReason(_ args: inout Arguments, _ command: String) throws -> (String, String) {
        try args.allowOnly(["reason"], in: command)
        guard let name = args.next() else { throw CLIError.usage("'\(command)' needs a user name") }
        try args.noMoreWords(in: command)
        return (name, try args.required("reason", in: command))
    }

    private static func block(_ args: inout Arguments) throws -> Int32 {
        let (name, reason) = try userAndReason(&args, "users block")
        let receipt = try StateDirectory.session(args).block(user: name, reason: reason)
        if args.json {
            Output.json(UserRestrictions.BlockResult(user: receipt.user.value, blocked: true, until: Timestamp.rfc3339(receipt.until)))
        } else {
            Output.line("Blocked \(receipt.user) until \(Timestamp.rfc3339(receipt.until)): every verification is denied until then.")
        }
        return 0
    }

    private static func unblock(_ args: inout Arguments) throws -> Int32 {
        let (name, reason) = try userAndReason(&args, "users unblock")
        let receipt = try StateDirectory.session(args).unblock(user: name, reason: reason)
        let lifted = receipt.lifted
        if args.json {
            Output.json(UserRestrictions.UnblockResult(user: receipt.user.value, unblocked: lifted.liftedAnything))
        } else if lifted.liftedAnything {
            var what: [String] = []
            if let block = lifted.block { what.append("the block until \(Timestamp.rfc3339(block.until))") }
            if let until = lifted.lockedUntil { what.append("the PIN lockout until \(Timestamp.rfc3339(until))") }
            Output.line("Unblocked \(receipt.user) (lifted \(what.joined(separator: " and "))); the PIN denial counter is cleared.")
        } else {
            Output.line("\(receipt.user) was not blocked or locked out.")
        }
        return 0
    }

    private static func list(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "users list")
        try args.noMoreWords(in: "users list")
        let session = try StateDirectory.readingSession(args)
        UserRestrictions.print(blocks: try session.blockedUsers(), lockouts: try session.lockedOutUsers(), json: args.json)
        UsersDirectoryCommand.listRegistered(session, json: args.json)
        return 0
    }
}
