/// The two greeting formats the engine plays, as established from a file's content.
///
/// The raw values are the `format` strings of `ivr greetings validate --json` (SPEC §10).
public enum AudioFormat: String, Sendable, Codable {
    /// A RIFF/WAVE file (PCM, float, A-law or µ-law audio), decoded with libsndfile.
    case wav
    /// MPEG-1/2/2.5 Layer III frames, decoded with libmpg123.
    case mp3

    /// The file-name extension (lower case, without the dot) that must go with this content.
    var fileExtension: String {
        switch self {
        case .wav: "wav"
        case .mp3: "mp3"
        }
    }

    /// The name an admin reads in a reason ("WAV", "MP3").
    var displayName: String {
        switch self {
        case .wav: "WAV"
        case .mp3: "MP3"
        }
    }
}
