/// A store operation refused or failed for a reason other than SQLite itself.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable for tests and `--json`.
    public enum Code: String, Sendable, Hashable, Codable {
        /// The state directory could not be created or used.
        case stateDirectory = "state_directory"
        /// The database was written by a newer version of `ivr` (its schema version is unknown).
        case newerSchema = "newer_schema"
        /// A stored value could not be read back (settings JSON, prompts JSON, a user name, a type).
        case corruptData = "corrupt_data"
        /// A language tag is not a plain `[A-Za-z0-9-]` tag.
        case invalidLanguage = "invalid_language"
        /// A greeting format is not a short lowercase word (`wav`, `mp3`).
        case invalidFormat = "invalid_format"
        /// Copying a greeting file failed, or its size differs from the validated size.
        case fileCopy = "file_copy"
        /// A call record asks for something it cannot have (denials or a block without a user).
        case invalidRecord = "invalid_record"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }
}
