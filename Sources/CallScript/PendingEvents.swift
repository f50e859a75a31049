import VoiceCall

/// The engine-side events a simulated call has due later — a prompt's end, a timer, the extension
/// digits — on the millisecond grid, held inline.
///
/// The machine never has more than a few outstanding at once (one prompt playing, one timer armed,
/// digits being sent), so a fixed buffer with a linear scan beats both a heap and an array: nothing
/// is allocated per call on the hot path (SPEC §12). `order` breaks ties (first scheduled wins), so
/// an entry can be removed by moving the last one into its place.
struct PendingEvents {
    struct Entry {
        var at: Int
        var order: Int
        var event: CallEvent
    }

    /// Room for what the machine can have outstanding, with margin.
    static let capacity = 8

    private static let unused = Entry(at: 0, order: 0, event: .start)
    // A literal, not `init(repeating:)`: it compiles to plain stores, and a simulator makes one
    // of these per call.
    private var entries: InlineArray<8, Entry> = [unused, unused, unused, unused, unused, unused, unused, unused]
    private var count = 0
    private var scheduled = 0

    /// Adds `event`, due at `at` milliseconds.
    mutating func schedule(_ event: CallEvent, at: Int) {
        precondition(count < Self.capacity, "more than \(Self.capacity) engine events outstanding")
        entries[count] = Entry(at: at, order: scheduled, event: event)
        count += 1
        scheduled += 1
    }

    /// Drops `event`, if it is there (at most once: prompt ids and timers are never reused).
    mutating func cancel(_ event: CallEvent) {
        for index in 0..<count where entries[index].event == event {
            remove(at: index)
            return
        }
    }

    /// Removes and returns the earliest event due strictly before `limit` (milliseconds).
    mutating func popEarliest(before limit: Int) -> (at: Int, event: CallEvent)? {
        guard count > 0 else { return nil }
        var best = 0
        for index in 1..<count {
            let entry = entries[index]
            if entry.at < entries[best].at || (entry.at == entries[best].at && entry.order < entries[best].order) { best = index }
        }
        let next = entries[best]
        guard next.at < limit else { return nil }
        remove(at: best)
        return (next.at, next.event)
    }

    mutating func removeAll() { count = 0 }

    private mutating func remove(at index: Int) {
        count -= 1
        entries[index] = entries[count]
    }
}
