import GreetingAudio

extension TelephoneAudio {
    /// A custom greeting as callers hear it (SPEC §14: its decoded recording): decoded by the
    /// validator's own decoders (libsndfile, libmpg123), mixed to mono, resampled to 8 kHz.
    public static func greeting(fileAt path: String) throws(PromptAudioError) -> TelephoneAudio {
        let decoded: DecodedAudio
        do {
            decoded = try AudioDecoder.decode(fileAt: path)
        } catch {
            throw PromptAudioError.file("the custom greeting could not be decoded: \(error.message)")
        }
        return try Resampler.telephone(decoded.samples, sampleRate: decoded.sampleRate)
    }
}
