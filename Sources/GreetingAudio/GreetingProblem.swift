/// One reason a greeting is refused; `message` is the sentence the admin reads.
enum GreetingProblem: Error, Equatable, Sendable {
    /// The file could not be opened or read.
    case unreadable(String)
    /// Larger than the byte limit (checked before anything is read).
    case tooLarge(size: Int, limit: Int)
    /// Nothing in the file.
    case empty
    /// The name does not end in `.wav` or `.mp3`.
    case unsupportedExtension(String)
    /// The name ends in the other accepted extension than the content.
    case extensionMismatch(found: String, content: AudioFormat)
    /// Content recognised as a format that is not accepted (Ogg, FLAC, MP4/AAC, text, …).
    case notAccepted(String)
    /// Content not recognised at all.
    case unrecognised
    /// A RIFF/WAVE file whose codec is not PCM, float, A-law or µ-law.
    case unsupportedWAVCodec(String)
    /// A `WAVE_FORMAT_EXTENSIBLE` file whose sub-format GUID is not PCM or float.
    case unsupportedExtensibleSubFormat(String)
    /// A RIFF/WAVE file whose structure is broken (no fmt chunk, bad fields, …).
    case malformedWAV(String)
    /// The file ends before what its header or last frame announces.
    case truncated(String)
    /// MPEG audio that is not Layer III.
    case otherMPEGLayer(Int)
    /// Bytes that are not an ID3v2 tag or an MP3 frame before the first frame.
    case junkBeforeFirstFrame(Int)
    /// An MP3 whose frames use a feature we cannot measure (free-format bitrate).
    case unsupportedMP3(String)
    /// The container is right but holds no audio.
    case noAudio
    /// The decoder failed on the audio.
    case undecodable(String)
    /// As long as or longer than the limit.
    case tooLong(seconds: Double, limit: Double, partial: Bool)

    var message: String {
        switch self {
        case .unreadable(let why):
            "The file cannot be read: \(why)."
        case .tooLarge(let size, let limit):
            "The file is \(size) bytes; a greeting may be at most \(limit) bytes."
        case .empty:
            "The file is empty."
        case .unsupportedExtension(let ext):
            ext.isEmpty
                ? "The file name has no extension; a greeting must be named .wav or .mp3."
                : "The file name ends in .\(ext); a greeting must be named .wav or .mp3."
        case .extensionMismatch(let found, let content):
            "The file is named .\(found) but contains \(content.displayName) audio; "
                + "name it .\(content.fileExtension)."
        case .notAccepted(let what):
            "The file contains \(what), which is not accepted; upload WAV or MP3 audio."
        case .unrecognised:
            "The file is neither WAV nor MP3 audio."
        case .unsupportedWAVCodec(let codec):
            "The WAV file holds \(codec) audio; only PCM, floating-point, A-law and µ-law WAV files are accepted."
        case .unsupportedExtensibleSubFormat(let name):
            "The WAV file's extensible header names \(name) audio; only PCM and floating-point "
                + "sub-formats are accepted in an extensible header."
        case .malformedWAV(let why):
            "The WAV file is damaged: \(why)."
        case .truncated(let why):
            "The file is truncated: \(why)."
        case .otherMPEGLayer(let layer):
            "The file holds MPEG Layer \(Self.roman(layer)) audio (MP\(layer)); only MP3 (MPEG Layer III) is accepted."
        case .junkBeforeFirstFrame(let count):
            "The file has \(count) bytes of unknown data before the first MP3 frame."
        case .unsupportedMP3(let why):
            "The MP3 file cannot be measured: \(why)."
        case .noAudio:
            "The file holds no audio."
        case .undecodable(let why):
            "The audio cannot be decoded: \(why)."
        case .tooLong(let seconds, let limit, let partial):
            "The greeting lasts \(partial ? "at least " : "")\(Self.format(seconds)) s; "
                + "it must be shorter than \(Self.format(limit)) s."
        }
    }

    private static func roman(_ layer: Int) -> String {
        switch layer {
        case 1: "I"
        case 2: "II"
        default: "III"
        }
    }

    /// Seconds with three decimals, so 19.999 s and 20.000 s read differently.
    static func format(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 1e12 else { return "\(seconds)" }
        let millis = (seconds * 1000).rounded(.down)
        let whole = Int(millis / 1000)
        let fraction = Int(millis.truncatingRemainder(dividingBy: 1000))
        let padded = String(fraction)
        return "\(whole)." + String(repeating: "0", count: 3 - padded.count) + padded
    }
}
