import Foundation

/// Durations of blocks (SPEC §5).
public enum BlockPolicy {
    /// How long a block lasts unless lifted, whether a fraud report or an admin set it: 90 days.
    public static let duration: TimeInterval = 90 * 24 * 60 * 60

    /// The end of a block that starts at `time`.
    public static func blockEnd(from time: Date) -> Date { time.addingTimeInterval(duration) }

    /// Whether a block ending at `end` applies to a call starting at `time`: `time < end`, so a call
    /// starting exactly at the end is not blocked.
    public static func applies(blockEnd end: Date, toCallAt time: Date) -> Bool { time < end }
}
