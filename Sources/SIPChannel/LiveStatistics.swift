import Foundation

/// Figures for `make bench-live`: how late RTP frames left, and how fast a key was answered.
///
/// Kept as histograms with 0.1 ms buckets (the last bucket holds everything from 1 s up), so
/// recording costs nothing measurable and memory stays fixed however long the run.
public struct LiveStatistics: Sendable {
    public private(set) var frameLateness = Histogram()
    public private(set) var keyToResponse = Histogram()

    public init() {}

    mutating func frameSent(lateness: Double) { frameLateness.add(lateness) }
    mutating func keyAnswered(after seconds: Double) { keyToResponse.add(seconds) }

    public struct Histogram: Sendable {
        private var buckets = [Int](repeating: 0, count: 10_001)
        public private(set) var count = 0

        mutating func add(_ seconds: Double) {
            let index = min(buckets.count - 1, max(0, Int(seconds * 10_000)))
            buckets[index] += 1
            count += 1
        }

        /// The value under which `fraction` of the samples lie, in seconds (0 when empty).
        public func percentile(_ fraction: Double) -> Double {
            guard count > 0 else { return 0 }
            let target = Int((Double(count) * fraction).rounded(.up))
            var seen = 0
            for (index, value) in buckets.enumerated() {
                seen += value
                if seen >= max(1, target) { return Double(index + 1) / 10_000 }
            }
            return Double(buckets.count) / 10_000
        }
    }
}
