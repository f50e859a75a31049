import Foundation
import VoiceCall

/// One custom greeting in the catalog: its type, language, and the audio file beside the database.
public struct GreetingRecord: Sendable, Equatable, Codable {
    /// Which message it replaces.
    public var type: MessageType
    /// The language tag it is for (`de-DE`), with conventional casing.
    public var language: LanguageTag
    /// The file name inside the state directory's `greetings/` folder
    /// (`<type>.<language>.<uuid>.<format>`); never a path.
    public var fileName: String
    /// `wav` or `mp3`.
    public var format: String
    /// The decoded duration.
    public var durationSeconds: Double
    /// The file size.
    public var sizeBytes: Int
    /// When it was added.
    public var addedAt: Date

    public init(
        type: MessageType, language: LanguageTag, fileName: String, format: String, durationSeconds: Double,
        sizeBytes: Int, addedAt: Date
    ) {
        self.type = type
        self.language = language
        self.fileName = fileName
        self.format = format
        self.durationSeconds = durationSeconds
        self.sizeBytes = sizeBytes
        self.addedAt = addedAt
    }
}
