/// What stops prompt audio from being made, in words for the admin.
public enum PromptAudioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// espeak-ng is not installed (SPEC §14: render, play and --audio exit 1 naming the package).
    case synthesizerMissing
    /// espeak-ng ran but failed.
    case synthesizerFailed(String)
    /// No espeak-ng voice for this language.
    case noVoice(String)
    /// libsamplerate refused.
    case resampler(String)
    /// A file could not be decoded, read or written.
    case file(String)

    public var description: String {
        switch self {
        case .synthesizerMissing:
            return "espeak-ng is not installed: prompt audio needs the Debian package 'espeak-ng' (apt-get install espeak-ng)"
        case .synthesizerFailed(let message): return "espeak-ng failed: \(message)"
        case .noVoice(let tag): return "espeak-ng has no voice for \(tag)"
        case .resampler(let message): return "libsamplerate: \(message)"
        case .file(let message): return message
        }
    }
}
