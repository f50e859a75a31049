import CSndFile

/// An open libsndfile handle for reading; `deinit` closes it.
///
/// Reads from a `PatchedSource`, which it keeps alive as long as the handle is open.
final class SndFile {
    private let handle: OpaquePointer
    private let source: PatchedSource
    private let callbacks: UnsafeMutablePointer<SF_VIRTUAL_IO>
    /// What libsndfile found in the header: channels, rate, format, frames.
    let info: SF_INFO

    /// Opens `source` for reading. The corresponding C function is `sf_open_virtual`.
    ///
    /// - Throws: `SndFileError` with `sf_strerror`'s message when libsndfile refuses the file.
    init(source: PatchedSource) throws(SndFileError) {
        self.source = source
        self.callbacks = .allocate(capacity: 1)
        self.callbacks.initialize(
            to: SF_VIRTUAL_IO(
                get_filelen: { user in sf_count_t(SndFile.source(user).file.size) },
                seek: { offset, whence, user in sf_count_t(SndFile.source(user).seek(Int(offset), whence: whence)) },
                read: { pointer, count, user in
                    guard let pointer, count > 0 else { return 0 }
                    let buffer = UnsafeMutableRawBufferPointer(start: pointer, count: Int(count))
                    return sf_count_t(SndFile.source(user).read(into: buffer))
                },
                write: { _, _, _ in 0 },
                tell: { user in sf_count_t(SndFile.source(user).position) }))
        var info = SF_INFO()
        guard let handle = sf_open_virtual(self.callbacks, Int32(SFM_READ), &info, Unmanaged.passUnretained(source).toOpaque())
        else {
            let message = String(cString: sf_strerror(nil))
            self.callbacks.deinitialize(count: 1)
            self.callbacks.deallocate()
            throw SndFileError(message: message)
        }
        self.handle = handle
        self.info = info
    }

    deinit {
        sf_close(self.handle)
        self.callbacks.deinitialize(count: 1)
        self.callbacks.deallocate()
    }

    /// Decodes up to `buffer.count / channels` frames into `buffer`.
    ///
    /// - Returns: frames decoded; 0 at the end of the audio.
    /// - Throws: `SndFileError` when libsndfile reports a decoding error.
    /// The corresponding C function is `sf_readf_float`.
    func readFrames(into buffer: UnsafeMutableBufferPointer<Float>) throws(SndFileError) -> Int {
        let channels = max(1, Int(self.info.channels))
        let frames = buffer.count / channels
        guard frames > 0, let base = buffer.baseAddress else { return 0 }
        let got = sf_readf_float(self.handle, base, sf_count_t(frames))
        if got < frames, sf_error(self.handle) != 0 {
            throw SndFileError(message: String(cString: sf_strerror(self.handle)))
        }
        return Int(got)
    }

    private static func source(_ user: UnsafeMutableRawPointer?) -> PatchedSource {
        Unmanaged<PatchedSource>.fromOpaque(user!).takeUnretainedValue()
    }
}
