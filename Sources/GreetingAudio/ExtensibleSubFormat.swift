/// The codec a `WAVE_FORMAT_EXTENSIBLE` fmt chunk names with its 16-byte sub-format GUID.
///
/// Microsoft's GUIDs for the classic codecs are `{tag}-0000-0010-8000-00AA00389B71`: the old
/// 16-bit format tag followed by a fixed base. Only PCM and float are accepted in this header
/// (SPEC §4, issue 12); everything else is refused by a name the admin can look up.
enum ExtensibleSubFormat: Equatable {
    /// `KSDATAFORMAT_SUBTYPE_PCM`.
    case pcm
    /// `KSDATAFORMAT_SUBTYPE_IEEE_FLOAT`.
    case float
    /// Another classic format tag on Microsoft's base GUID (ADPCM, A-law, MP3, …).
    case otherTag(Int)
    /// A GUID outside Microsoft's base (Ambisonic B-format, vendor codecs), as text.
    case foreign(String)

    /// The bytes after the 4-byte tag that make a GUID one of Microsoft's classic codecs.
    static let baseSuffix: [UInt8] = [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]

    init(guid: [UInt8]) {
        guard guid.count == 16, Array(guid[4..<16]) == Self.baseSuffix, guid[2] == 0, guid[3] == 0 else {
            self = .foreign(Self.text(guid))
            return
        }
        switch Int(guid[0]) | Int(guid[1]) << 8 {
        case 0x0001: self = .pcm
        case 0x0003: self = .float
        case let tag: self = .otherTag(tag)
        }
    }

    /// What the refusal calls it.
    var name: String {
        switch self {
        case .pcm: "PCM"
        case .float: "floating-point"
        case .otherTag(let tag): WAVLayout.codecName(tag)
        case .foreign(let guid): "the unknown sub-format {\(guid)}"
        }
    }

    /// The registry spelling `00000001-0721-11D3-8644-C8C1CA000000` (first three fields little-endian).
    private static func text(_ guid: [UInt8]) -> String {
        guard guid.count == 16 else { return "?" }
        func hex(_ bytes: some Sequence<UInt8>) -> String {
            bytes.map { String($0, radix: 16, uppercase: true) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        }
        return [hex(guid[0..<4].reversed()), hex(guid[4..<6].reversed()), hex(guid[6..<8].reversed()),
                hex(guid[8..<10]), hex(guid[10..<16])].joined(separator: "-")
    }
}
