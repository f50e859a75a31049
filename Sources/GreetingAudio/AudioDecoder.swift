/// Audio decoded to mono floats (−1…1) at the file's own sample rate.
public struct DecodedAudio: Sendable, Equatable {
    public var samples: [Float]
    public var sampleRate: Int

    public init(samples: [Float], sampleRate: Int) {
        self.samples = samples
        self.sampleRate = sampleRate
    }

    public var durationSeconds: Double { Double(self.samples.count) / Double(self.sampleRate) }
}

/// Why a file could not be decoded (or written), in words for the admin.
public struct AudioDecodingError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { self.message }
}

/// Decodes a greeting (WAV through libsndfile, MP3 through libmpg123: the validator's own
/// decoders) to mono samples, so it can be resampled and played. Stereo is mixed down.
///
/// This is for files the validator accepted (stored greetings) and for our own WAVs (espeak-ng
/// output, the render cache); it reads the whole file, so callers keep to such bounded files.
public enum AudioDecoder {
    public static func decode(fileAt path: String) throws(AudioDecodingError) -> DecodedAudio {
        do {
            let file = try AudioFile(path: path)
            var reader = WindowedReader(file: file)
            switch try Container.sniff(&reader) {
            case .wave:
                return try Self.decodeWAV(file)
            case .mpeg(let firstFrame, _, let layer) where layer == 3:
                guard let first = MPEGFrameHeader(try reader.bytes(at: firstFrame, count: 4)) else {
                    throw AudioDecodingError(message: "\(path): no MP3 frame header")
                }
                let scan = try MP3Scan.scan(&reader, firstFrame: firstFrame, first: first)
                return try Self.decodeMP3(file, scan: scan)
            case .empty, .mpeg, .truncatedID3, .impostor, .unknown:
                throw AudioDecodingError(message: "\(path): not a WAV or MP3 file")
            }
        } catch let error as AudioDecodingError {
            throw error
        } catch let error as AudioFileError {
            throw AudioDecodingError(message: "\(path): \(error.message)")
        } catch {
            throw AudioDecodingError(message: "\(path): \(error)")
        }
    }

    /// libsndfile decodes every audio byte (shown the real sizes, as when measuring: espeak-ng
    /// writing to a pipe leaves its sizes at a placeholder).
    private static func decodeWAV(_ file: AudioFile) throws -> DecodedAudio {
        let layout: WAVLayout
        switch try WAVLayout.read(file) {
        case .success(let found): layout = found
        case .failure(let problem): throw AudioDecodingError(message: problem.message)
        }
        let source = PatchedSource(
            file: file,
            patches: [(4, Self.littleEndian(UInt32(clamping: file.size - 8))), (layout.dataSizeField, Self.littleEndian(UInt32(clamping: layout.audioBytes)))])
        let decoder = try SndFile(source: source)
        let channels = max(1, Int(decoder.info.channels))
        let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: 16_384 * channels)
        defer { buffer.deallocate() }
        var mono: [Float] = []
        while true {
            let got = try decoder.readFrames(into: buffer)
            if got == 0 { break }
            for frame in 0..<got {
                var sum: Float = 0
                for channel in 0..<channels { sum += buffer[frame * channels + channel] }
                mono.append(sum / Float(channels))
            }
        }
        return DecodedAudio(samples: mono, sampleRate: Int(decoder.info.samplerate))
    }

    /// libmpg123 decodes every frame; the LAME tag's encoder delay and padding are then cut, as
    /// the measurer subtracts them, so the audio lasts what the validator measured.
    private static func decodeMP3(_ file: AudioFile, scan: MP3Scan) throws -> DecodedAudio {
        let decoder = try Mpg123Decoder()
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 16)
        defer { block.deallocate() }
        var mono: [Float] = []
        var rate = scan.first.sampleRate
        var offset = 0
        while true {
            let count = try file.read(into: block, at: offset)
            if count == 0 { break }
            offset += count
            try decoder.feed(UnsafeRawBufferPointer(rebasing: block[0..<count]))
            while let frameRate = try decoder.decodeFrame(appendingMonoTo: &mono) { rate = frameRate }
        }
        let delay = min(mono.count, scan.infoTag?.encoderDelay ?? 0)
        let padding = min(mono.count - delay, scan.infoTag?.encoderPadding ?? 0)
        return DecodedAudio(samples: Array(mono[delay..<(mono.count - padding)]), sampleRate: rate)
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
