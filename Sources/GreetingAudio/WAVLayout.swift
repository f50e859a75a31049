/// Where a RIFF/WAVE file keeps its format and its audio, read from the chunk headers.
///
/// The walk stops at the first `data` chunk. From there to the end of the file is treated as
/// audio: the declared data size is only used to detect truncation (a size the file does not
/// hold). Bytes after a smaller declared size are counted as audio, because a player that streams
/// to the end of the file plays them; this is what stops a forged size from hiding 40 s of audio
/// behind a claim of 5 s. The cost is that a metadata chunk placed after the audio (a `LIST` tag)
/// is counted as a few milliseconds of sound.
struct WAVLayout: Equatable {
    /// WAVE format tags we accept.
    enum Codec: Equatable {
        /// Integer PCM (`WAVE_FORMAT_PCM`, 0x0001).
        case pcm
        /// IEEE float (`WAVE_FORMAT_IEEE_FLOAT`, 0x0003).
        case float
        /// G.711 A-law (0x0006).
        case aLaw
        /// G.711 µ-law (0x0007).
        case muLaw
    }

    let codec: Codec
    let channels: Int
    let sampleRate: Int
    let bitsPerSample: Int
    let blockAlign: Int
    /// Offset of the first audio byte (just after the `data` chunk header).
    let dataStart: Int
    /// Offset of the 4-byte declared data size, which the decoder sees patched to the real size.
    let dataSizeField: Int
    /// Bytes from `dataStart` to the end of the file: the audio as the file really holds it.
    let audioBytes: Int

    /// Whole sample frames in `audioBytes`.
    var frames: Int { self.audioBytes / self.blockAlign }

    /// The sample rates we accept: anything a phone system might resample, nothing absurd.
    static let sampleRates = 4_000...192_000

    /// Reads the chunk headers and checks the format, or says what is wrong.
    static func read(_ file: AudioFile) throws(AudioFileError) -> Result<WAVLayout, GreetingProblem> {
        let size = file.size
        var position = 12
        var format: (codec: Codec, channels: Int, rate: Int, bits: Int, align: Int)?
        while true {
            let header = try file.bytes(at: position, count: 8)
            guard header.count == 8 else {
                return .failure(
                    format == nil ? .malformedWAV("it has no fmt chunk") : .noAudio)
            }
            let id = String(decoding: header[0..<4], as: UTF8.self)
            let declared = Int(UInt32(littleEndian: header[4..<8].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }))
            let bodyStart = position + 8
            if id == "data" {
                guard let format else { return .failure(.malformedWAV("the audio data comes before the fmt chunk")) }
                let available = size - bodyStart
                if declared != 0, declared != 0xFFFF_FFFF, declared > available {
                    return .failure(
                        .truncated("the data chunk announces \(declared) bytes of audio but the file holds only \(available)"))
                }
                let layout = WAVLayout(
                    codec: format.codec, channels: format.channels, sampleRate: format.rate,
                    bitsPerSample: format.bits, blockAlign: format.align, dataStart: bodyStart,
                    dataSizeField: position + 4, audioBytes: available)
                return layout.frames > 0 ? .success(layout) : .failure(.noAudio)
            }
            guard bodyStart + declared <= size else {
                return .failure(.truncated("the \"\(Self.printable(id))\" chunk is longer than the file"))
            }
            if id == "fmt " {
                guard format == nil else { return .failure(.malformedWAV("it has two fmt chunks")) }
                switch Self.parseFormat(try file.bytes(at: bodyStart, count: min(declared, 64)), declared: declared) {
                case .success(let parsed): format = parsed
                case .failure(let problem): return .failure(problem)
                }
            }
            position = bodyStart + declared + (declared & 1)
        }
    }

    private static func parseFormat(
        _ body: [UInt8], declared: Int
    ) -> Result<(codec: Codec, channels: Int, rate: Int, bits: Int, align: Int), GreetingProblem> {
        guard body.count >= 16 else { return .failure(.malformedWAV("its fmt chunk is too short")) }
        func u16(_ at: Int) -> Int { Int(body[at]) | Int(body[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        let tag = u16(0)
        let channels = u16(2), rate = u32(4), align = u16(12), bits = u16(14)
        let codec: Codec
        if tag == 0xFFFE {  // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID names the codec
            guard declared >= 40, body.count >= 40 else { return .failure(.malformedWAV("its extensible fmt chunk is too short")) }
            switch ExtensibleSubFormat(guid: Array(body[24..<40])) {
            case .pcm: codec = .pcm
            case .float: codec = .float
            case let other: return .failure(.unsupportedExtensibleSubFormat(other.name))
            }
        } else {
            switch tag {
            case 0x0001: codec = .pcm
            case 0x0003: codec = .float
            case 0x0006: codec = .aLaw
            case 0x0007: codec = .muLaw
            default: return .failure(.unsupportedWAVCodec(Self.codecName(tag)))
            }
        }
        guard channels >= 1, channels <= 64 else {
            return .failure(.malformedWAV("it declares \(channels) channels"))
        }
        guard Self.sampleRates.contains(rate) else {
            return .failure(.malformedWAV("its sample rate of \(rate) Hz is outside 4000 to 192000 Hz"))
        }
        let container = align % channels == 0 ? align / channels : 0
        let valid: Bool
        switch codec {
        case .pcm: valid = (1...4).contains(container) && (1...container * 8).contains(bits)
        case .float: valid = (container == 4 && bits == 32) || (container == 8 && bits == 64)
        case .aLaw, .muLaw: valid = container == 1 && bits == 8
        }
        guard valid else {
            return .failure(.malformedWAV("\(bits)-bit samples in \(align)-byte blocks of \(channels) channels do not fit together"))
        }
        return .success((codec, channels, rate, bits, align))
    }

    /// A name for codecs people actually meet, else the hexadecimal tag.
    static func codecName(_ tag: Int) -> String {
        switch tag {
        case 0x0001: "PCM"
        case 0x0002: "Microsoft ADPCM"
        case 0x0003: "floating-point"
        case 0x0006: "A-law"
        case 0x0007: "µ-law"
        case 0x0011: "IMA ADPCM"
        case 0x0031: "GSM 6.10"
        case 0x0040, 0x0064: "G.721 ADPCM"
        case 0x0050: "MPEG Layer I/II"
        case 0x0055: "MP3 (MPEG Layer III inside a WAV container)"
        case 0x00FF, 0x1600, 0x1610: "AAC"
        default: "codec 0x" + String(String(tag, radix: 16, uppercase: true).suffix(4))
        }
    }

    private static func printable(_ id: String) -> String {
        String(id.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
    }
}
