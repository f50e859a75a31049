import Foundation

/// Dispatches a command line to its command and turns errors into messages and exit codes.
/// Commands live in `Commands/`, one file each; none of them holds a business rule.
enum CommandLineTool {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            var args = try Arguments(arguments)
            if args.flags.contains("version") { Output.line(Version.line); return 0 }
            guard let command = args.next() else {
                Output.line(HelpText.usage)
                return args.flags.contains("help") ? 0 : 2
            }
            if command == "help" || args.flags.contains("help") { return HelpText.show(command == "help" ? args.next() : command) }
            return try dispatch(command, &args)
        } catch let error as CLIError {
            Output.error(error.message)
            return error.exitCode
        } catch {
            Output.error("\(error)")
            return 1
        }
    }

    private static func dispatch(_ command: String, _ args: inout Arguments) throws -> Int32 {
        switch command {
        case "help":
            Output.line(HelpText.usage)
            return 0
        case "call": return try CallCommand.run(&args)
        case "dial": return try DialCommand.run(&args)
        case "greetings": return try GreetingsCommand.run(&args)
        case "caller-id": return try CallerIDCommand.run(&args)
        case "settings": return try SettingsCommand.run(&args)
        case "users": return try UsersCommand.run(&args)
        case "log": return try LogCommand.run(&args)
        case "outbox": return try OutboxCommand.run(&args)
        case "prompts": return try PromptsCommand.run(&args)
        case "signin": return try SignInCommand.run(&args)
        case "locations": return try LocationsCommand.run(&args)
        case "tokens": return try TokensCommand.run(&args)
        case "serve": return try ServeCommand.run(&args)
        case "keys": return try KeysCommand.run(&args)
        default:
            throw CLIError.usage("unknown command '\(command)'" + CommandHelp.suggestion(for: command))
        }
    }
}
