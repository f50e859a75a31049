import Foundation

/// A DTMF detector written for the tests (independent of the code that makes the tones): the
/// Goertzel algorithm measures the power at each Q.23 frequency and at 1 kHz in 20 ms blocks.
enum Goertzel {
    static let low: [Double] = [697, 770, 852, 941]
    static let high: [Double] = [1209, 1336, 1477, 1633]
    static let keys: [[String]] = [["1", "2", "3", "A"], ["4", "5", "6", "B"], ["7", "8", "9", "C"], ["*", "0", "#", "D"]]
    static let block = 160

    /// Power of `frequency` in `samples` at 8 kHz.
    static func power(_ samples: ArraySlice<Int16>, frequency: Double) -> Double {
        let coefficient = 2 * cos(2 * .pi * frequency / 8_000)
        var previous = 0.0, beforePrevious = 0.0
        for sample in samples {
            let current = Double(sample) / 32_768 + coefficient * previous - beforePrevious
            beforePrevious = previous
            previous = current
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious
    }

    /// What one block holds: a key, "beep" (1 kHz alone), nil (silence or unclear).
    static func classify(_ samples: ArraySlice<Int16>) -> String? {
        let energy = samples.reduce(0.0) { $0 + (Double($1) / 32_768) * (Double($1) / 32_768) }
        guard energy > 1e-3 else { return nil }
        // A pure tone of N samples has Goertzel power N/2 × its energy: a tone (or tone pair)
        // must carry most of the block's energy, which speech never does.
        let full = Double(samples.count) / 2 * energy
        let lows = low.map { power(samples, frequency: $0) }
        let highs = high.map { power(samples, frequency: $0) }
        let beep = power(samples, frequency: 1_000)
        let lowBest = lows.indices.max { lows[$0] < lows[$1] }!
        let highBest = highs.indices.max { highs[$0] < highs[$1] }!
        if beep > 4 * max(lows[lowBest], highs[highBest]) { return beep > 0.7 * full ? "beep" : nil }
        // Each group's winner stands well above the rest of its group.
        let lowOthers = lows.enumerated().filter { $0.offset != lowBest }.map(\.element).max()!
        let highOthers = highs.enumerated().filter { $0.offset != highBest }.map(\.element).max()!
        guard lows[lowBest] > 4 * lowOthers, highs[highBest] > 4 * highOthers, lows[lowBest] + highs[highBest] > 0.7 * full
        else { return nil }
        return keys[lowBest][highBest]
    }

    /// The tones in `samples`, in order: runs of at least three equal blocks, with how many blocks each lasted.
    static func decode(_ samples: [Int16]) -> [(symbol: String, blocks: Int)] {
        var runs: [(symbol: String?, blocks: Int)] = []
        var start = 0
        while start + block <= samples.count {
            let symbol = classify(samples[start..<(start + block)])
            if let last = runs.last, last.symbol == symbol {
                runs[runs.count - 1].blocks += 1
            } else {
                runs.append((symbol, 1))
            }
            start += block
        }
        return runs.compactMap { run in run.symbol.flatMap { run.blocks >= 3 ? ($0, run.blocks) : nil } }
    }
}
