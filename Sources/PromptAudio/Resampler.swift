import CSampleRate

/// A libsamplerate converter for one mono stream; `deinit` deletes it.
///
/// SPEC §14: resampling uses a resampler library, never dropped samples. The sinc converter of
/// medium quality band-limits to the new Nyquist frequency (4 kHz for the telephone band) before
/// decimating, which is what a telephone codec expects.
final class Resampler {
    private let state: OpaquePointer

    /// The corresponding C function is `src_new`.
    init() throws(PromptAudioError) {
        var error: CInt = 0
        guard let state = src_new(CInt(SRC_SINC_MEDIUM_QUALITY), 1, &error) else {
            throw PromptAudioError.resampler(String(cString: src_strerror(error)))
        }
        self.state = state
    }

    deinit {
        src_delete(self.state)
    }

    /// Converts all of `input` (mono floats at `fromRate`) to `toRate`, flushing the filter.
    /// The corresponding C function is `src_process`.
    func convert(_ input: [Float], from fromRate: Int, to toRate: Int) throws(PromptAudioError) -> [Float] {
        guard fromRate != toRate else { return input }
        let ratio = Double(toRate) / Double(fromRate)
        guard src_is_valid_ratio(ratio) != 0 else {
            throw PromptAudioError.resampler("cannot convert \(fromRate) Hz to \(toRate) Hz")
        }
        let expected = Int((Double(input.count) * ratio).rounded())
        var output = [Float](repeating: 0, count: expected + 64)
        var generated = 0
        let code = input.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer -> CInt in
                var data = SRC_DATA()
                data.data_in = inBuffer.baseAddress
                data.input_frames = inBuffer.count
                data.data_out = outBuffer.baseAddress
                data.output_frames = outBuffer.count
                data.src_ratio = ratio
                data.end_of_input = 1
                let result = src_process(self.state, &data)
                generated = Int(data.output_frames_gen)
                return result
            }
        }
        guard code == 0 else { throw PromptAudioError.resampler(String(cString: src_strerror(code))) }
        src_reset(self.state)
        return Array(output.prefix(min(generated, expected)))
    }

    /// Mono floats at any rate → telephone audio (8 kHz, 16-bit, clipped), padded to whole milliseconds.
    static func telephone(_ samples: [Float], sampleRate: Int) throws(PromptAudioError) -> TelephoneAudio {
        let converted = try Resampler().convert(samples, from: sampleRate, to: TelephoneAudio.sampleRate)
        var pcm = [Int16](repeating: 0, count: converted.count)
        converted.withUnsafeBufferPointer { input in
            pcm.withUnsafeMutableBufferPointer { out in
                // Scales by 32768 and clips. The corresponding C function is `src_float_to_short_array`.
                src_float_to_short_array(input.baseAddress, out.baseAddress, CInt(input.count))
            }
        }
        return TelephoneAudio(samples: pcm).paddedToMilliseconds()
    }
}
