extension DefaultGreetings {
    /// The kana readings of the languages whose synthesizer cannot read their script as written
    /// (`readings/ja-JP.txt`, compiled in as `EmbeddedReadings.swift`), keyed by language tag, with
    /// the file's text. espeak-ng reads Japanese in kana only, so PromptAudio replaces each phrase
    /// with its reading before speaking.
    public static func readings() throws -> [String: String] {
        Self.embeddedReadings
    }
}
