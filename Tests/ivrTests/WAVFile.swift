import Foundation

/// Makes small PCM WAV files in memory, so the greeting tests need no fixture on disk.
enum WAVFile {
    /// `seconds` of 16-bit mono silence at `sampleRate` Hz: a canonical 44-byte RIFF/WAVE header
    /// (`fmt ` chunk, PCM) followed by the samples.
    static func silence(seconds: Double, sampleRate: Int = 8_000) -> Data {
        let channels = 1
        let bitsPerSample = 16
        let blockAlign = channels * bitsPerSample / 8
        let dataSize = Int(seconds * Double(sampleRate)) * blockAlign
        var data = Data()
        func append(_ text: String) { data.append(contentsOf: Array(text.utf8)) }
        func append32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { data.append(contentsOf: $0) } }
        func append16(_ value: Int) { withUnsafeBytes(of: UInt16(value).littleEndian) { data.append(contentsOf: $0) } }
        append("RIFF")
        append32(36 + dataSize)
        append("WAVE")
        append("fmt ")
        append32(16)
        append16(1)  // PCM
        append16(channels)
        append32(sampleRate)
        append32(sampleRate * blockAlign)
        append16(blockAlign)
        append16(bitsPerSample)
        append("data")
        append32(dataSize)
        data.append(Data(count: dataSize))
        return data
    }
}
