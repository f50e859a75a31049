import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drops connections whose request headers do not arrive in time.
///
/// libmicrohttpd's timeout counts *idle* time, so a client that sends one byte a second is never
/// idle. This watchdog remembers, per connection, when its headers are due (from the moment it
/// opened, and again after each finished request); a thread checks twice a second and shuts the
/// socket down (`shutdown(2)`, never `close`) for any connection past due, so the library sees
/// the end of the stream and closes it itself, with its own bookkeeping intact.
final class HeaderDeadlines: @unchecked Sendable {
    private struct Entry {
        var socket: Int32
        var due: Date?
    }

    private let lock = NSLock()
    private var entries: [UInt: Entry] = [:]
    private var stopped = false
    private let seconds: Double

    init(seconds: Double) {
        self.seconds = seconds
    }

    /// A connection opened: its first request's headers are due `seconds` from now.
    func opened(_ connection: UInt, socket: Int32) {
        lock.withLock { entries[connection] = Entry(socket: socket, due: Date().addingTimeInterval(seconds)) }
    }

    /// The headers of the connection's current request are complete.
    func headersArrived(_ connection: UInt) {
        lock.withLock { entries[connection]?.due = nil }
    }

    /// A request finished: the next one on this connection has its own deadline.
    func requestFinished(_ connection: UInt) {
        lock.withLock { entries[connection]?.due = Date().addingTimeInterval(seconds) }
    }

    /// The library closed the connection. Called before it closes the socket, under the same lock
    /// the watchdog holds while it shuts sockets down, so a recycled descriptor is never touched.
    func closed(_ connection: UInt) {
        lock.withLock { _ = entries.removeValue(forKey: connection) }
    }

    /// Starts the watchdog thread; it ends after `stop()`.
    func start() {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                let now = Date()
                let keepGoing: Bool = lock.withLock {
                    guard !stopped else { return false }
                    for (key, entry) in entries {
                        guard let due = entry.due, due < now else { continue }
                        _ = shutdown(entry.socket, Int32(SHUT_RDWR))
                        entries[key]?.due = nil
                    }
                    return true
                }
                if !keepGoing { return }
            }
        }
        thread.name = "ivr-header-deadlines"
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
    }
}
