/// Why a `.call` script was refused: the file, the line when one is to blame, and what was expected.
///
/// The message is written for the person who wrote the script and never contains a PIN
/// (SPEC §2: PINs never appear in logs or output).
public struct CallScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path or name of the script, as given to the parser.
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
        if let line = self.line {
            return "\(self.file):\(line): \(self.message)"
        }
        return "\(self.file): \(self.message)"
    }
}
