import Foundation

/// Base32 as RFC 4648 §6 defines it: the alphabet `A–Z` and `2–7`, read case-insensitively, with
/// optional `=` padding at the end and spaces anywhere (secrets are often printed in groups of four).
///
/// Token vendors' sheets sometimes say the alphabet is "A–Z, 1–7"; that is a slip (SPEC §9): `0`,
/// `1`, `8` and `9` are not Base32 and are refused with a reason that says so, never guessed at
/// (`1` is not read as `I` or `L`).
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// `bytes` as upper-case Base32 without padding (the form `otpauth://` URIs use).
    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `text` encodes.
    ///
    /// Spaces are ignored; `=` may only end the text; the number of Base32 characters must be a
    /// length an encoder can produce (not 1, 3 or 6 more than a multiple of 8). Leftover bits below a
    /// whole byte are dropped, as RFC 4648 decoders do.
    public static func decode(_ text: String) throws(Base32Error) -> [UInt8] {
        var values: [UInt8] = []
        values.reserveCapacity(text.utf8.count)
        var padding = 0
        for scalar in text.unicodeScalars {
            if scalar == " " { continue }
            if scalar == "=" {
                padding += 1
                continue
            }
            guard padding == 0 else { throw .paddingInside }
            guard let value = value(of: scalar) else { throw .invalidCharacter(scalar) }
            values.append(value)
        }
        guard !values.isEmpty else { throw .empty }
        switch values.count % 8 {
        case 1, 3, 6: throw .invalidLength(values.count)
        default: break
        }
        if padding > 0, (values.count + padding) % 8 != 0 || padding > 6 { throw .invalidPadding }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for value in values {
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return bytes
    }

    private static func value(of scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "A"..."Z": UInt8(scalar.value - 65)
        case "a"..."z": UInt8(scalar.value - 97)
        case "2"..."7": UInt8(scalar.value - 50 + 26)
        default: nil
        }
    }
}

/// Why a text is not Base32. The message never repeats the text: it is a secret.
public enum Base32Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but spaces and padding.
    case empty
    /// A character outside `A–Z`, `a–z`, `2–7`, space and `=`.
    case invalidCharacter(Unicode.Scalar)
    /// A Base32 character after `=`.
    case paddingInside
    /// `=` padding that does not fill the last 8-character group.
    case invalidPadding
    /// A count of Base32 characters no encoder produces.
    case invalidLength(Int)

    public var description: String {
        switch self {
        case .empty:
            "it is empty"
        case .invalidCharacter(let scalar):
            switch scalar {
            case "0", "1", "8", "9":
                "'\(scalar)' is not a Base32 character (Base32 uses the letters A-Z and the digits 2-7; 0, 1, 8 and 9 are not Base32)"
            default:
                "'\(Self.shown(scalar))' is not a Base32 character (Base32 uses the letters A-Z and the digits 2-7)"
            }
        case .paddingInside:
            "'=' padding may only come at the end"
        case .invalidPadding:
            "the '=' padding does not complete the last group of 8 characters"
        case .invalidLength(let count):
            "\(count) Base32 characters cannot encode whole bytes (a truncated secret?)"
        }
    }

    /// A printable form of a refused character: control and invisible characters as `U+XXXX`.
    private static func shown(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
            ? String(format: "U+%04X", scalar.value) : String(scalar)
    }
}
