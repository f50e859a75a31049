import Foundation

/// The JSON of verifications that have ended, kept in memory: an ended verification never changes
/// again, so `GET /v1/verifications/{id}` answers it without a database read or a new encoding.
/// Bounded: when full it starts over (the database still holds everything).
final class FinalViews: @unchecked Sendable {
    struct Entry: Sendable {
        /// The key that created the verification (an integrator reads only its own).
        var keyID: String
        var json: Data
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private let capacity: Int

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    func entry(_ id: String) -> Entry? { lock.withLock { entries[id] } }

    func store(_ id: String, _ entry: Entry) {
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[id] = entry
        }
    }
}
