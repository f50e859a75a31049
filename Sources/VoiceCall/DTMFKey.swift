/// One telephone keypad key: `0`–`9`, `*`, `#`, and the rarely seen `A`–`D` column.
///
/// A value of this type is always one of those sixteen keys, so the state machine never has to
/// second-guess its input.
public struct DTMFKey: Sendable, Hashable, CustomStringConvertible {
    /// The key as written on the keypad.
    public let character: Character

    /// The pound (hash) key, which ends an entry.
    public static let pound = DTMFKey(unchecked: "#")

    /// Creates a key from its character; `nil` for anything that is not a keypad key
    /// (lower-case `a`–`d` are not accepted: scripts and settings spell them upper-case).
    public init?(_ character: Character) {
        switch character {
        case "0"..."9", "*", "#", "A"..."D": self.character = character
        default: return nil
        }
    }

    private init(unchecked character: Character) { self.character = character }

    /// Parses a run of keys such as `0#`; `nil` when any character is not a key or the run is empty.
    public static func keys(_ text: String) -> [DTMFKey]? {
        var keys: [DTMFKey] = []
        for character in text {
            guard let key = DTMFKey(character) else { return nil }
            keys.append(key)
        }
        return keys.isEmpty ? nil : keys
    }

    public var isPound: Bool { character == "#" }
    public var description: String { String(character) }
}
