import CMpg123

/// A libmpg123 handle in feed mode; `deinit` closes and deletes it.
///
/// Feed mode means we read the file ourselves in fixed 64 KiB blocks and libmpg123 never seeks:
/// it sees exactly the bytes we hand it. Gapless decoding is on (encoder delay and padding are
/// removed) but stream-length information (Xing/Info frame count, ID3 `TLEN`) is ignored, so a
/// forged frame count cannot end decoding early, and resynchronisation is unlimited, so frames
/// hidden behind junk are decoded too.
final class Mpg123Decoder {
    let handle: OpaquePointer
    private var channels = 1
    private var bytesPerSample = 2

    /// Creates a handle and opens it for feeding.
    /// The corresponding C functions are `mpg123_new`, `mpg123_param` and `mpg123_open_feed`.
    init() throws(Mpg123Error) {
        Self.initializeLibrary()
        var code: CInt = 0
        guard let handle = mpg123_new(nil, &code) else {
            throw Mpg123Error(code: code, message: String(cString: mpg123_plain_strerror(code)))
        }
        self.handle = handle
        let flags = Int(MPG123_GAPLESS.rawValue | MPG123_QUIET.rawValue | MPG123_IGNORE_STREAMLENGTH.rawValue)
        try self.check(mpg123_param2(handle, CInt(MPG123_FLAGS.rawValue), flags, 0))
        // Search the whole stream when resynchronising, so frames hidden behind a long run of junk
        // are found (and counted) instead of ending the decode.
        try self.check(mpg123_param2(handle, CInt(MPG123_RESYNC_LIMIT.rawValue), -1, 0))
        try self.check(mpg123_open_feed(handle))
    }

    deinit {
        mpg123_close(self.handle)
        mpg123_delete(self.handle)
    }

    /// Hands the decoder the next block of the file. The corresponding C function is `mpg123_feed`.
    func feed(_ block: UnsafeRawBufferPointer) throws(Mpg123Error) {
        guard let base = block.baseAddress, !block.isEmpty else { return }
        try self.check(mpg123_feed(self.handle, base.assumingMemoryBound(to: UInt8.self), block.count))
    }

    /// Decodes the next frame from what was fed.
    ///
    /// - Returns: samples per channel decoded, or `nil` when the decoder needs more input.
    /// The corresponding C function is `mpg123_decode_frame`.
    func decodeFrame() throws(Mpg123Error) -> Int? {
        var frameNumber = 0
        var audio: UnsafeMutablePointer<UInt8>?
        var bytes = 0
        let code = mpg123_decode_frame(self.handle, &frameNumber, &audio, &bytes)
        switch code {
        case MPG123_NEED_MORE.rawValue, MPG123_DONE.rawValue:
            return nil
        case MPG123_NEW_FORMAT.rawValue:
            var rate = 0
            var channels: CInt = 0
            var encoding: CInt = 0
            try self.check(mpg123_getformat(self.handle, &rate, &channels, &encoding))
            self.channels = max(1, Int(channels))
            self.bytesPerSample = max(1, Int(mpg123_encsize(encoding)))
            return bytes / (self.channels * self.bytesPerSample)
        case MPG123_OK.rawValue:
            return bytes / (self.channels * self.bytesPerSample)
        default:
            try self.check(code)
            return nil
        }
    }

    /// The layer of the current frame (1, 2 or 3), from `mpg123_info`.
    var layer: Int? {
        var info = mpg123_frameinfo2()
        guard mpg123_info2(self.handle, &info) == MPG123_OK.rawValue else { return nil }
        return Int(info.layer)
    }

    private func check(_ code: CInt) throws(Mpg123Error) {
        guard code != MPG123_OK.rawValue else { return }
        let message =
            code == MPG123_ERR.rawValue
            ? String(cString: mpg123_strerror(self.handle))
            : String(cString: mpg123_plain_strerror(code))
        throw Mpg123Error(code: code, message: message)
    }

    /// `mpg123_init` is required before 1.27 and harmless after; once per process.
    private static let initialized: Bool = {
        mpg123_init()
        return true
    }()

    private static func initializeLibrary() {
        _ = Self.initialized
    }
}
