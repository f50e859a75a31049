import CMpg123

extension Mpg123Decoder {
    /// Decodes the next frame from what was fed and appends it, mixed down to mono, to `mono`.
    ///
    /// The measuring path (`decodeFrame`) only counts samples; playing a greeting needs them.
    /// Supports the 16-bit signed and 32-bit float encodings libmpg123 outputs by default.
    ///
    /// - Returns: the sample rate of the decoded frame, or `nil` when the decoder needs more input.
    /// The corresponding C functions are `mpg123_decode_frame` and `mpg123_getformat`.
    func decodeFrame(appendingMonoTo mono: inout [Float]) throws(Mpg123Error) -> Int? {
        var frameNumber = 0
        var audio: UnsafeMutablePointer<UInt8>?
        var bytes = 0
        let code = mpg123_decode_frame(self.handle, &frameNumber, &audio, &bytes)
        switch code {
        case MPG123_NEED_MORE.rawValue, MPG123_DONE.rawValue:
            return nil
        case MPG123_OK.rawValue, MPG123_NEW_FORMAT.rawValue:
            break
        default:
            let message =
                code == MPG123_ERR.rawValue
                ? String(cString: mpg123_strerror(self.handle)) : String(cString: mpg123_plain_strerror(code))
            throw Mpg123Error(code: code, message: message)
        }
        var rate = 0
        var channels: CInt = 0
        var encoding: CInt = 0
        guard mpg123_getformat(self.handle, &rate, &channels, &encoding) == MPG123_OK.rawValue, channels > 0 else {
            throw Mpg123Error(code: code, message: "libmpg123 reports no output format")
        }
        guard let audio, bytes > 0 else { return rate }
        let count = Int(channels)
        let raw = UnsafeRawPointer(audio)
        switch encoding {
        case CInt(MPG123_ENC_SIGNED_16.rawValue):
            let samples = raw.bindMemory(to: Int16.self, capacity: bytes / 2)
            Self.mix(frames: bytes / 2 / count, channels: count, into: &mono) { Float(samples[$0]) / 32768 }
        case CInt(MPG123_ENC_FLOAT_32.rawValue):
            let samples = raw.bindMemory(to: Float.self, capacity: bytes / 4)
            Self.mix(frames: bytes / 4 / count, channels: count, into: &mono) { samples[$0] }
        default:
            throw Mpg123Error(code: code, message: "libmpg123 output encoding \(encoding) is not 16-bit or float")
        }
        return rate
    }

    private static func mix(frames: Int, channels: Int, into mono: inout [Float], sample: (Int) -> Float) {
        mono.reserveCapacity(mono.count + frames)
        for frame in 0..<frames {
            var sum: Float = 0
            for channel in 0..<channels { sum += sample(frame * channels + channel) }
            mono.append(sum / Float(channels))
        }
    }
}
