/// Why a text file was refused: the file, the line when one is to blame, and what was expected.
/// One type for every line-numbered format (`.call` scripts, default prompt scripts, …).
///
/// The message is written for the person who wrote the file and never contains a secret
/// (SPEC §2: PINs never appear in logs or output).
public struct FileLineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path or name of the file, as given to the reader.
    public let file: String
    /// The 1-based line at fault, or `nil` when the whole file is (unreadable, too large).
    public let line: Int?
    /// What is wrong and what was expected, without the file and line.
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or `file: message` when no line is to blame: the shape compilers
    /// use, so editors and terminals can jump to the line.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// A default script file that cannot be used (`de-DE.txt:12: unknown placeholder {code}`).
public typealias DefaultScriptsError = FileLineError
