import Foundation

/// The tones a telephone keypad sends (ITU-T Q.23): each key is the sum of one low-group and one
/// high-group frequency.
public enum DTMFTone {
    public static let lowGroup: [Double] = [697, 770, 852, 941]
    public static let highGroup: [Double] = [1209, 1336, 1477, 1633]
    /// Keypad rows × columns, as Q.23 lays them out.
    public static let keypad: [[Character]] = [["1", "2", "3", "A"], ["4", "5", "6", "B"], ["7", "8", "9", "C"], ["*", "0", "#", "D"]]
    /// The plain beep that stands for a PIN key in a recording (SPEC §14): it reveals nothing.
    public static let maskFrequency = 1_000.0
    /// Peak amplitude of each component (two components: about −9 dBFS together), below clipping.
    static let amplitude = 0.3

    /// The (low, high) frequency pair of `key`, or `nil` for a character that is not a key.
    public static func frequencies(of key: Character) -> (low: Double, high: Double)? {
        for (row, keys) in keypad.enumerated() {
            if let column = keys.firstIndex(of: key) { return (lowGroup[row], highGroup[column]) }
        }
        return nil
    }

    /// `count` samples of the sum of `frequencies` at the telephone rate, starting at phase 0.
    static func samples(_ frequencies: [Double], count: Int) -> [Int16] {
        let rate = Double(TelephoneAudio.sampleRate)
        return (0..<max(0, count)).map { index in
            let time = Double(index) / rate
            let value = frequencies.reduce(0.0) { $0 + amplitude * sin(2 * .pi * $1 * time) }
            return Int16(clamping: Int((value * 32_767).rounded()))
        }
    }
}
