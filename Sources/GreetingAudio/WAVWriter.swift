/// Writes 16-bit PCM WAV files (prompt audio, call recordings) through libsndfile.
public enum WAVWriter {
    /// Writes `samples` (interleaved when `channels` > 1) as a 16-bit PCM WAV file at `path`.
    ///
    /// - Throws: `AudioDecodingError` carrying libsndfile's message.
    public static func write16(path: String, samples: [Int16], channels: Int, sampleRate: Int) throws(AudioDecodingError) {
        do {
            try SndFile.writeWAV16(path: path, samples: samples, channels: channels, sampleRate: sampleRate)
        } catch {
            throw AudioDecodingError(message: error.message)
        }
    }
}
