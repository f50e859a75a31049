/// Why a command failed, and so which exit code it ends with (SPEC §10).
enum CLIError: Error {
    /// The command line itself is wrong: exit 2, with a hint to `ivr help`.
    case usage(String)
    /// The checked input is invalid (a script, a greeting, a number, a setting): exit 1.
    case invalidInput(String)
    /// Something outside the input failed (the state directory, the disk): exit 1.
    case failure(String)

    var exitCode: Int32 {
        switch self {
        case .usage: 2
        case .invalidInput, .failure: 1
        }
    }

    var message: String {
        switch self {
        case .usage(let text): "\(text)\nRun 'ivr help' for usage."
        case .invalidInput(let text), .failure(let text): text
        }
    }
}
