import Foundation
import Verification

/// The one engine of the process and the store sessions its threads borrow.
///
/// `VerificationEngine` is one `Sendable` value shared by every thread; a `VerificationSession`
/// holds one SQLite connection and serves one thread at a time. The pool hands each borrower an
/// idle session (opening another when all are busy, keeping at most `keep` idle), so requests and
/// calls never wait on each other, only on SQLite's own write lock.
final class SessionPool: @unchecked Sendable {
    let engine: VerificationEngine
    private let keep: Int
    private let lock = NSLock()
    private var idle: [VerificationSession] = []
    /// Taken around this process's write transactions: SQLite queues writers by sleeping in its
    /// busy handler (1, 2, 5, 10… ms), which wastes most of the time when many threads of one
    /// process write at once; a mutex hands the write lock over at once. Writers in other processes
    /// (`ivr` commands beside the server) still meet SQLite's busy timeout.
    private let writer = NSLock()

    init(stateDirectory: URL, keep: Int = 16) throws {
        engine = try VerificationEngine(stateDirectory: stateDirectory)
        self.keep = keep
    }

    /// Runs `body`, which writes, with a session no other thread is using, one writer at a time.
    func writing<T>(_ body: (VerificationSession) throws -> T) throws -> T {
        try with { session in try exclusively { try body(session) } }
    }

    /// Runs `body` as this process's only writer.
    func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        try writer.withLock { try body() }
    }

    /// Runs `body` with a session no other thread is using.
    func with<T>(_ body: (VerificationSession) throws -> T) throws -> T {
        let borrowed = try lock.withLock { idle.popLast() } ?? engine.session()
        defer {
            lock.withLock { if idle.count < keep { idle.append(borrowed) } }
        }
        return try body(borrowed)
    }
}
