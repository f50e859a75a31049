/// A run of keypad keys (at most 48) held inline, four bits a key in three 64-bit words.
///
/// Entries, extension digits and the transcript lines that show them are on the call's hot path
/// (SPEC §12: half a million calls a second). Keeping the keys in a plain value instead of a
/// `String` or an array keeps the machine's state, its actions and the transcript free of heap
/// storage, so they are copied and dropped without allocation or reference counting. 48 covers
/// the longest entry the settings allow (`call.max-digits` 32, plus the key that makes it too long)
/// and any extension (`PhoneNumber.maximumExtensionLength`).
public struct KeySequence: Sendable, Hashable, RandomAccessCollection, CustomStringConvertible {
    public static let capacity = 48

    /// Keys 0–15, 16–31 and 32–47, the first of each in the lowest four bits, each key as its
    /// `DTMFKey.code`.
    private var low: UInt64 = 0
    private var middle: UInt64 = 0
    private var high: UInt64 = 0
    private var length: UInt8 = 0

    public init() {}

    /// The keys of `keys`; `nil` when there are more than `capacity`.
    public init?(_ keys: some Sequence<DTMFKey>) {
        for key in keys {
            guard append(key) else { return nil }
        }
    }

    /// Keys from their text, such as `1234`; `nil` when a character is not a key, the text is
    /// empty, or it holds more than `capacity` keys.
    public init?(_ text: String) {
        for byte in text.utf8 {
            guard let key = DTMFKey(ascii: byte), append(key) else { return nil }
        }
        if isEmpty { return nil }
    }

    /// Adds `key` at the end; false (and nothing changes) when the sequence is full.
    @discardableResult
    public mutating func append(_ key: DTMFKey) -> Bool {
        guard count < Self.capacity else { return false }
        let code = UInt64(key.code)
        let shift = UInt64(4 * (count % 16))
        switch count / 16 {
        case 0: low |= code << shift
        case 1: middle |= code << shift
        default: high |= code << shift
        }
        length += 1
        return true
    }

    public var count: Int { Int(length) }
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> DTMFKey {
        precondition(position >= 0 && position < count, "KeySequence index out of range")
        let word = switch position / 16 {
        case 0: low
        case 1: middle
        default: high
        }
        let code = Int((word >> UInt64(4 * (position % 16))) & 0xF)
        return DTMFKey(code: UInt8(code))!
    }

    /// The keys as written on the keypad: `1234`.
    public var description: String { String(decoding: map(\.ascii), as: UTF8.self) }
}
