import CRe

/// Something that sends one 20 ms frame per tick of the media clock.
protocol MediaClockClient: AnyObject {
    /// A 20 ms frame is due at `due` (monotonic seconds); `now` is the instant of this tick.
    func tick(due: Double, now: Double)
}

/// One 20 ms grid for every call on the loop, on the monotonic clock.
///
/// All calls send on the same grid, so N calls cost one wake-up per 20 ms rather than N; a frame's
/// lateness is the send time minus its grid instant. When the loop falls behind it catches up
/// frame by frame (never skipping audio), and after a stall of over a second it resynchronises.
/// Loop thread only.
final class MediaClock {
    static let frameSeconds = 0.02

    private var clients: [ObjectIdentifier: MediaClockClient] = [:]
    private let timer: UnsafeMutablePointer<tmr>
    private var nextDue = 0.0
    private var running = false

    init() {
        timer = .allocate(capacity: 1)
        tmr_init(timer)
    }

    func add(_ client: MediaClockClient) {
        clients[ObjectIdentifier(client)] = client
        guard !running else { return }
        running = true
        nextDue = monotonicSeconds()
        schedule()
    }

    func remove(_ client: MediaClockClient) {
        clients[ObjectIdentifier(client)] = nil
        if clients.isEmpty {
            running = false
            tmr_cancel(timer)
        }
    }

    private func schedule() {
        let delay = max(0, ((nextDue - monotonicSeconds()) * 1000).rounded(.up))
        tmr_start(timer, UInt64(delay), { arg in
            Unmanaged<MediaClock>.fromOpaque(arg!).takeUnretainedValue().fire()
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    private func fire() {
        guard running else { return }
        var now = monotonicSeconds()
        if now - nextDue > 1 { nextDue = now }
        while nextDue <= now + 0.0005, running {
            for client in Array(clients.values) { client.tick(due: nextDue, now: now) }
            nextDue += Self.frameSeconds
            now = monotonicSeconds()
        }
        if running { schedule() }
    }
}
