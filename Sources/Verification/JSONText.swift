import Foundation
import VoiceCall

/// Writes one JSON object by hand, byte for byte as `JSONEncoder` with `.sortedKeys`,
/// `.withoutEscapingSlashes` and `.iso8601` dates wrote it: the report renderers use it because the
/// encoder dominated the profile of `ivr call` over thousands of scripts.
///
/// Keys must be added in sorted order (the renderers list them so); a test checks the output
/// against `JSONEncoder`.
struct JSONObject {
    private(set) var text = "{"
    private var empty = true

    private mutating func key(_ name: String) {
        if empty { empty = false } else { text += "," }
        text += "\""
        text += name
        text += "\":"
    }

    mutating func add(_ name: String, _ value: String) {
        key(name)
        JSONText.appendString(value, to: &text)
    }

    mutating func add(_ name: String, _ value: String?) {
        key(name)
        if let value { JSONText.appendString(value, to: &text) } else { text += "null" }
    }

    mutating func add(_ name: String, _ value: Double) {
        key(name)
        text += JSONText.number(value)
    }

    mutating func add(_ name: String, _ value: Int) {
        key(name)
        text += String(value)
    }

    mutating func add(_ name: String, _ value: Date) {
        key(name)
        text += "\""
        text += Timestamp.rfc3339(value)
        text += "\""
    }

    /// A value already written as JSON (an array or a nested object).
    mutating func add(_ name: String, raw: String) {
        key(name)
        text += raw
    }

    /// The finished object.
    var json: String { text + "}" }
}

enum JSONText {
    /// A number as `JSONEncoder` writes a `Double`: Swift's shortest form, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// A string literal: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00xx`;
    /// everything else (including `/` and non-ASCII) as is.
    static func appendString(_ value: String, to text: inout String) {
        text += "\""
        var clean = true
        for byte in value.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            clean = false
            break
        }
        if clean {
            text += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case "\u{8}": text += "\\b"
                case "\u{c}": text += "\\f"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }

    /// A JSON array of already written values.
    static func array(_ values: [String]) -> String {
        "[" + values.joined(separator: ",") + "]"
    }
}
