import Foundation
import Verification

/// Engine instances shared by the request threads and the call workers.
///
/// A `VerificationService` holds one SQLite connection and must be used by one thread at a time;
/// the pool hands each borrower an idle one (opening another when all are busy, keeping at most
/// `keep` idle), so requests never wait on each other's calls, only on SQLite's own write lock.
/// When the engine becomes one `Sendable` value per process (the engine seam issue), this pool
/// shrinks to that value.
final class ServicePool: @unchecked Sendable {
    private let directory: URL
    private let keep: Int
    private let lock = NSLock()
    private var idle: [VerificationService] = []

    init(directory: URL, keep: Int = 16) throws {
        self.directory = directory
        self.keep = keep
        // Open one now: a state directory that cannot be opened stops `serve` before it listens.
        idle.append(try VerificationService(stateDirectory: directory))
    }

    /// Runs `body` with a service no other thread is using.
    func with<T>(_ body: (VerificationService) throws -> T) throws -> T {
        let borrowed = try lock.withLock { idle.popLast() } ?? VerificationService(stateDirectory: directory)
        defer {
            lock.withLock { if idle.count < keep { idle.append(borrowed) } }
        }
        return try body(borrowed)
    }
}
