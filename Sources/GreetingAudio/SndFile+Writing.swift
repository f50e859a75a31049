import CSndFile

extension SndFile {
    /// Writes 16-bit PCM frames (interleaved when `channels` > 1) as a RIFF/WAVE file at `path`,
    /// replacing what is there.
    ///
    /// The write handle lives only inside this call (opened, written, closed), so the reading
    /// wrapper's ownership rules stay as they are. The corresponding C functions are `sf_open`,
    /// `sf_writef_short` and `sf_close`.
    ///
    /// - Throws: `SndFileError` with libsndfile's message when the file cannot be created or
    ///   written completely.
    static func writeWAV16(path: String, samples: [Int16], channels: Int, sampleRate: Int) throws(SndFileError) {
        var info = SF_INFO()
        info.samplerate = CInt(sampleRate)
        info.channels = CInt(channels)
        info.format = CInt(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
        guard sf_format_check(&info) != 0 else {
            throw SndFileError(message: "libsndfile cannot write \(channels)-channel 16-bit WAV at \(sampleRate) Hz")
        }
        guard let handle = sf_open(path, CInt(SFM_WRITE), &info) else {
            throw SndFileError(message: String(cString: sf_strerror(nil)))
        }
        let frames = samples.count / max(1, channels)
        let written = samples.withUnsafeBufferPointer { buffer -> sf_count_t in
            guard let base = buffer.baseAddress, frames > 0 else { return 0 }
            return sf_writef_short(handle, base, sf_count_t(frames))
        }
        let message = written == frames ? nil : String(cString: sf_strerror(handle))
        let closed = sf_close(handle)
        if let message { throw SndFileError(message: "writing \(path): \(message)") }
        guard closed == 0 else { throw SndFileError(message: "closing \(path): \(String(cString: sf_error_number(closed)))") }
    }
}
