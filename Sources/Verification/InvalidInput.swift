/// Input from outside (an admin's argument, an HTTP field) that the engine refuses; nothing was
/// changed. The message names the field and what it accepts; front doors print it as is.
public struct InvalidInput: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field as the front door spells it (`--reason`, `user`).
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
