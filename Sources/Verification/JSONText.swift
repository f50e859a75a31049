import Foundation
import VoiceCall

/// JSON written straight into a byte buffer, byte for byte as `JSONEncoder` with `.sortedKeys`,
/// `.withoutEscapingSlashes` and `.iso8601` dates writes it.
///
/// The report renderers use it because the encoder, and then building one `String` per object,
/// dominated the profile of `ivr call` over thousands of scripts: a batch renders every report
/// into one reused buffer and writes it out once. Callers add keys in sorted order (the renderers
/// list them so); commas go in by themselves. Tests check the output against `JSONEncoder`.
public struct JSONWriter {
    /// What was written so far; may hold several JSON values, one per line (`newline()`).
    public var bytes: [UInt8]

    public init(capacity: Int = 1024) {
        self.bytes = []
        self.bytes.reserveCapacity(capacity)
    }

    // MARK: Structure

    /// A comma before a value or key, unless it opens the object or array, follows its key, or
    /// starts a line.
    private mutating func separate() {
        guard let last = bytes.last else { return }
        switch last {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ":"), UInt8(ascii: "\n"): return
        default: bytes.append(UInt8(ascii: ","))
        }
    }

    public mutating func openObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
    }

    public mutating func closeObject() { bytes.append(UInt8(ascii: "}")) }

    public mutating func openArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
    }

    public mutating func closeArray() { bytes.append(UInt8(ascii: "]")) }

    /// Ends a JSON Lines record.
    public mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// `"name":` — a key from the renderer's own vocabulary (never needs escaping).
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// `"name":` for a key known only at run time (escaped like any string).
    public mutating func key(text name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    // MARK: Values

    /// A string literal: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00xx`;
    /// everything else (including `/`, DEL and non-ASCII) as is. Bytes of multi-byte UTF-8 are all
    /// 0x80 or above, so working byte by byte escapes exactly the characters it should.
    public mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var clean = true
            for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                clean = false
                break
            }
            if clean {
                bytes.append(contentsOf: utf8)
            } else {
                for byte in utf8 { appendEscaped(byte) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes += [0x5C, 0x22]  // \"
        case 0x5C: bytes += [0x5C, 0x5C]  // \\
        case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
        case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
        case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
        case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
        case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
        case ..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            bytes += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        default: bytes.append(byte)
        }
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A number as `JSONEncoder` writes a `Double`: Swift's shortest form, without a trailing `.0`.
    public mutating func number(_ value: Double) {
        separate()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func integer(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A date as RFC 3339 text (`2026-11-25T10:00:00Z`), as the encoder's `.iso8601` writes it.
    public mutating func date(_ value: Date) {
        string(Timestamp.rfc3339(value))
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// A value already written as JSON (an array or a nested object).
    public mutating func raw(_ json: String) {
        separate()
        bytes.append(contentsOf: json.utf8)
    }

    /// The bytes as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// One JSON object built key by key, for renderers that return a `String` (``SignInReport``).
///
/// Keys must be added in sorted order; a test checks the output against `JSONEncoder`.
struct JSONObject {
    private var writer = JSONWriter(capacity: 256)

    init() {
        writer.openObject()
    }

    mutating func add(_ name: String, _ value: String) {
        writer.key(text: name)
        writer.string(value)
    }

    mutating func add(_ name: String, _ value: String?) {
        writer.key(text: name)
        writer.string(value)
    }

    mutating func add(_ name: String, _ value: Double) {
        writer.key(text: name)
        writer.number(value)
    }

    mutating func add(_ name: String, _ value: Int) {
        writer.key(text: name)
        writer.integer(value)
    }

    mutating func add(_ name: String, _ value: Date) {
        writer.key(text: name)
        writer.date(value)
    }

    /// A value already written as JSON (an array or a nested object).
    mutating func add(_ name: String, raw: String) {
        writer.key(text: name)
        writer.raw(raw)
    }

    /// The finished object.
    var json: String {
        var finished = writer
        finished.closeObject()
        return finished.text
    }
}

enum JSONText {
    /// A JSON array of already written values.
    static func array(_ values: [String]) -> String {
        "[" + values.joined(separator: ",") + "]"
    }
}
