import CRe

/// The two G.711 codecs of the offer, coded through librem's tables.
public enum G711: Sendable, Equatable {
    /// µ-law, static payload type 0.
    case pcmu
    /// A-law, static payload type 8.
    case pcma

    public var payloadType: UInt8 { self == .pcmu ? 0 : 8 }

    /// The codec of an SDP encoding name, `nil` for anything else.
    public init?(encodingName: String) {
        switch encodingName.uppercased() {
        case "PCMU": self = .pcmu
        case "PCMA": self = .pcma
        default: return nil
        }
    }

    /// Codes 16-bit linear samples into `output` (one byte a sample).
    public func encode(_ samples: ArraySlice<Int16>, into output: UnsafeMutablePointer<UInt8>) {
        var index = 0
        for sample in samples {
            output[index] = self == .pcmu ? g711_pcm2ulaw(sample) : g711_pcm2alaw(sample)
            index += 1
        }
    }

    /// One byte of silence in this code.
    public var silence: UInt8 { self == .pcmu ? 0xFF : 0xD5 }
}
