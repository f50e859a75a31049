import CSndFile

/// Measures a RIFF/WAVE greeting: our own chunk walk, then libsndfile decoding of every audio
/// byte up to the length limit.
enum WAVMeasurer {
    /// Frames decoded per `sf_readf_float` call are bounded by this many samples (256 KiB of floats).
    static let bufferSamples = 65_536

    static func measure(_ file: AudioFile, limit: Double) throws(AudioFileError) -> Measurement {
        let layout: WAVLayout
        switch try WAVLayout.read(file) {
        case .success(let found): layout = found
        case .failure(let problem): return Measurement(seconds: nil, problems: [problem])
        }
        let total = Double(layout.frames) / Double(layout.sampleRate)

        // libsndfile sees the real sizes, so it decodes to the end of the file whatever the header claims.
        let realData = UInt32(clamping: layout.audioBytes)
        let realRIFF = UInt32(clamping: file.size - 8)
        let source = PatchedSource(
            file: file,
            patches: [(4, Self.littleEndian(realRIFF)), (layout.dataSizeField, Self.littleEndian(realData))])
        let decoder: SndFile
        do {
            decoder = try SndFile(source: source)
        } catch {
            return Measurement(seconds: nil, problems: [.undecodable("libsndfile: \(error.message)")])
        }
        let info = decoder.info
        let subtype = Int(info.format) & SF_FORMAT_SUBMASK
        let accepted: Set<Int> = [
            SF_FORMAT_PCM_U8, SF_FORMAT_PCM_16, SF_FORMAT_PCM_24, SF_FORMAT_PCM_32,
            SF_FORMAT_FLOAT, SF_FORMAT_DOUBLE, SF_FORMAT_ALAW, SF_FORMAT_ULAW,
        ]
        // libsndfile calls an extensible header SF_FORMAT_WAVEX; the codec was already checked from its GUID.
        let container = Int(info.format) & SF_FORMAT_TYPEMASK
        guard container == SF_FORMAT_WAV || container == SF_FORMAT_WAVEX,
            accepted.contains(subtype), Int(info.samplerate) == layout.sampleRate, Int(info.channels) == layout.channels
        else {
            return Measurement(
                seconds: nil,
                problems: [.undecodable("libsndfile reads the header differently from the file's own fields")])
        }

        // Decode in fixed blocks; stop once the limit is reached (the byte count gives the rest).
        let limitFrames = limit * Double(layout.sampleRate)
        let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: Self.bufferSamples)
        defer { buffer.deallocate() }
        var decoded = 0
        while Double(decoded) < limitFrames {
            let got: Int
            do {
                got = try decoder.readFrames(into: buffer)
            } catch {
                return Measurement(
                    seconds: Double(decoded) / Double(layout.sampleRate), partial: true,
                    problems: [.undecodable("libsndfile: \(error.message)")])
            }
            if got == 0 { break }
            decoded += got
        }
        if Double(decoded) >= limitFrames || decoded == layout.frames {
            return Measurement(seconds: total)
        }
        return Measurement(
            seconds: Double(decoded) / Double(layout.sampleRate), partial: true,
            problems: [.undecodable("libsndfile decoded \(decoded) of \(layout.frames) sample frames")])
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
