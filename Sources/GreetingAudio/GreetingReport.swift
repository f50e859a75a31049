/// The verdict on one greeting file: accepted or not, and why.
///
/// Encodes to the keys of SPEC §10 (`file`, `accepted`, `format`, `durationSeconds`, `sizeBytes`,
/// `reasons`); a missing format or duration encodes as `null`.
public struct GreetingReport: Sendable, Equatable, Codable {
    /// The path as the caller gave it.
    public let file: String
    /// `true` only when `reasons` is empty.
    public let accepted: Bool
    /// What the content is; `nil` when it is neither WAV nor MP3 (or was never read because it is too large).
    public let format: AudioFormat?
    /// Duration of the audio the bytes really hold, in seconds.
    ///
    /// For WAV it is the number of whole sample frames between the start of the data chunk and the
    /// end of the file, confirmed by decoding with libsndfile up to the limit. For MP3 it is the
    /// larger of the libmpg123 gapless decode and the real Layer III frames found by scanning every
    /// frame header (less the encoder delay and padding the LAME tag announces). Decoding stops
    /// once the limit is reached, but the scan covers the whole file, so an over-long greeting still
    /// reports its full length. When decoding failed part way, this is the audio decoded before
    /// the failure (a lower bound). `nil` when no audio could be decoded.
    public let durationSeconds: Double?
    /// The file's size in bytes (0 when it could not be read).
    public let sizeBytes: Int
    /// Admin-readable sentences, one per problem; empty when accepted.
    public let reasons: [String]

    public init(
        file: String, format: AudioFormat?, durationSeconds: Double?, sizeBytes: Int, reasons: [String]
    ) {
        self.file = file
        self.accepted = reasons.isEmpty
        self.format = format
        self.durationSeconds = durationSeconds
        self.sizeBytes = sizeBytes
        self.reasons = reasons
    }

    private enum CodingKeys: String, CodingKey {
        case file, accepted, format, durationSeconds, sizeBytes, reasons
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.file, forKey: .file)
        try container.encode(self.accepted, forKey: .accepted)
        try container.encode(self.format, forKey: .format)  // explicit null, never a missing key
        try container.encode(self.durationSeconds, forKey: .durationSeconds)
        try container.encode(self.sizeBytes, forKey: .sizeBytes)
        try container.encode(self.reasons, forKey: .reasons)
    }
}
