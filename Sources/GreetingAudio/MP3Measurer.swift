/// Measures an MP3 greeting: our own scan of every chained frame header gives the duration, and a
/// libmpg123 decode (in fixed 64 KiB input blocks, stopped at the limit) proves the frames are audio.
///
/// The scan catches what a decoder forgives (bytes before the first frame, a cut-off last frame),
/// sees the whole file even when decoding stops early, and resynchronises over junk as a decoder
/// does, so real frames hidden behind a junk byte still count. It counts only chained frames, so a
/// header-like pattern in random bytes, which libmpg123 would decode into a frame of noise, does not.
///
/// libmpg123 runs with `MPG123_IGNORE_STREAMLENGTH`, so a Xing/Info frame count cannot cut its
/// output short; with that flag it outputs every frame untrimmed, so we subtract the encoder delay
/// and padding of the LAME tag ourselves (each at most 4095 samples, so a forged tag can hide at
/// most about half a second at 8 kHz).
enum MP3Measurer {
    static let blockSize = 65_536

    static func measure(
        _ file: AudioFile, reader: inout WindowedReader, firstFrame: Int, junk: Int, first: MPEGFrameHeader,
        limit: Double
    ) throws(AudioFileError) -> Measurement {
        let scan = try MP3Scan.scan(&reader, firstFrame: firstFrame, first: first)
        var problems: [GreetingProblem] = []
        if junk > 0 { problems.append(.junkBeforeFirstFrame(junk)) }
        if scan.truncated { problems.append(.truncated("its last MP3 frame is cut short")) }
        if scan.freeFormat { problems.append(.unsupportedMP3("it uses a free-format bitrate")) }

        let rate = Double(first.sampleRate)
        let limitSamples = limit * rate
        let trim = (scan.infoTag?.encoderDelay ?? 0) + (scan.infoTag?.encoderPadding ?? 0)
        var decoded = 0
        var failure: String?
        do {
            // Decode that much past the limit before calling it reached.
            decoded = max(0, try Self.decode(file, until: limitSamples + Double(trim)) - trim)
        } catch let error as Mpg123Error {
            failure = "libmpg123: \(error.message)"
        } catch let error as DecodeProgress {
            decoded = max(0, error.samples - trim)
            failure = "libmpg123: \(error.error.message)"
        } catch let error as AudioFileError {
            throw error
        } catch {
            failure = "\(error)"
        }
        // The duration is what the chained frames hold; samples libmpg123 decoded from an isolated
        // header-like pattern in junk are not audio (random bytes hold such patterns).
        let samples = scan.samples
        if let failure {
            problems.append(.undecodable(failure))
            let reached = min(decoded, samples)
            return Measurement(seconds: reached > 0 ? Double(reached) / rate : nil, partial: true, problems: problems)
        }
        if samples == 0 || decoded == 0 {
            problems.append(scan.audioFrames == 0 ? .noAudio : .undecodable("libmpg123 found no audio in the frames"))
            return Measurement(seconds: nil, problems: problems)
        }
        return Measurement(seconds: Double(samples) / rate, problems: problems)
    }

    /// A decoder error after `samples` samples had been decoded.
    private struct DecodeProgress: Error {
        let samples: Int
        let error: Mpg123Error
    }

    /// Feeds the whole file (ID3 tags and trailing bytes included: libmpg123 skips what is not
    /// audio) and counts decoded samples per channel, stopping once `limitSamples` is reached.
    private static func decode(_ file: AudioFile, until limitSamples: Double) throws -> Int {
        let decoder = try Mpg123Decoder()
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.blockSize, alignment: 16)
        defer { block.deallocate() }
        var offset = 0
        var samples = 0
        while Double(samples) < limitSamples {
            let count = try file.read(into: block, at: offset)
            if count == 0 { break }
            offset += count
            try decoder.feed(UnsafeRawBufferPointer(rebasing: block[0..<count]))
            do {
                while Double(samples) < limitSamples, let decoded = try decoder.decodeFrame() {
                    samples += decoded
                }
            } catch {
                throw DecodeProgress(samples: samples, error: error)
            }
        }
        return samples
    }
}
