/// One telephone keypad key: `0`–`9`, `*`, `#`, and the rarely seen `A`–`D` column.
///
/// A value of this type is always one of those sixteen keys, so the state machine never has to
/// second-guess its input.
public struct DTMFKey: Sendable, Hashable, CustomStringConvertible {
    /// The key's ASCII code: kept as one byte, so keys compare and copy as plain integers on the
    /// call's hot path.
    public let ascii: UInt8

    /// The pound (hash) key, which ends an entry.
    public static let pound = DTMFKey(unchecked: UInt8(ascii: "#"))

    /// Creates a key from its ASCII code; `nil` for anything that is not a keypad key.
    public init?(ascii: UInt8) {
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "A")...UInt8(ascii: "D"):
            self.ascii = ascii
        default: return nil
        }
    }

    /// Creates a key from its character; `nil` for anything that is not a keypad key
    /// (lower-case `a`–`d` are not accepted: scripts and settings spell them upper-case).
    public init?(_ character: Character) {
        guard let ascii = character.asciiValue else { return nil }
        self.init(ascii: ascii)
    }

    private init(unchecked ascii: UInt8) { self.ascii = ascii }

    /// Parses a run of keys such as `0#`; `nil` when any character is not a key or the run is empty.
    public static func keys(_ text: String) -> [DTMFKey]? {
        var keys: [DTMFKey] = []
        keys.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard let key = DTMFKey(ascii: byte) else { return nil }
            keys.append(key)
        }
        return keys.isEmpty ? nil : keys
    }

    /// The keys in the order of their codes: RFC 4733's telephone-event numbering.
    private static let byCode = Array("0123456789*#ABCD".utf8)

    /// The key's code in RFC 4733's telephone-event numbering: `0`–`9` are 0–9, `*` 10, `#` 11,
    /// `A`–`D` 12–15. Also the four bits a ``KeySequence`` keeps per key.
    public var code: UInt8 {
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): ascii - UInt8(ascii: "0")
        case UInt8(ascii: "*"): 10
        case UInt8(ascii: "#"): 11
        default: 12 + (ascii - UInt8(ascii: "A"))
        }
    }

    /// The key of an RFC 4733 event code; `nil` for codes that are no key (16 and up).
    public init?(code: UInt8) {
        guard Int(code) < Self.byCode.count else { return nil }
        self.init(unchecked: Self.byCode[Int(code)])
    }

    /// The key as written on the keypad.
    public var character: Character { Character(Unicode.Scalar(ascii)) }
    public var isPound: Bool { ascii == UInt8(ascii: "#") }
    public var description: String { String(character) }
}
