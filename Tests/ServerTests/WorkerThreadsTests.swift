import Foundation
import Testing
@testable import Server

/// The call workers' threads: every job runs once, in order of arrival, in batches no larger
/// than asked, and nothing runs after `close()` refused it.
@Suite("Server: worker threads")
struct WorkerThreadsTests {
    @Test("one thread runs every job once, in order, in batches of at most the limit")
    func batchesInOrder() {
        let seen = Locked<[[Int]]>([])
        let done = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let workers = WorkerThreads<Int>(name: "test-batches", count: 1, batchLimit: 4) { batch in
            if batch == [0] {
                // Hold the thread so that the next jobs queue up behind the first.
                started.signal()
                release.wait()
            }
            seen.mutate { $0.append(batch) }
            for _ in batch { done.signal() }
        }
        defer { workers.close() }
        #expect(workers.submit(0))
        started.wait()
        for job in 1...10 { #expect(workers.submit(job)) }
        release.signal()
        for _ in 0...10 { done.wait() }
        let batches = seen.value
        #expect(batches.first == [0])
        #expect(batches.flatMap { $0 } == Array(0...10))
        #expect(batches.allSatisfy { $0.count <= 4 })
        // Ten jobs queued while the thread was busy: taken four at a time.
        #expect(batches.dropFirst().map(\.count) == [4, 4, 2])
    }

    @Test("several threads run jobs at once; a closed queue takes no job")
    func concurrentAndClosed() {
        let running = Locked(0)
        let peak = Locked(0)
        let done = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        let workers = WorkerThreads<Int>(name: "test-pool", count: 3) { batch in
            running.mutate { $0 += 1 }
            peak.mutate { $0 = max($0, running.value) }
            // The first three jobs wait for each other: only three threads at once can pass.
            if batch[0] < 3 { gate.wait() }
            running.mutate { $0 -= 1 }
            done.signal()
        }
        for job in 0..<3 { workers.submit(job) }
        // Each of the three threads holds one job; let them go only once all three are in.
        // The limit only turns a hang into a failure.
        for _ in 0..<5_000 where running.value < 3 { usleep(1_000) }
        #expect(running.value == 3)
        for _ in 0..<3 { gate.signal() }
        for _ in 0..<3 { done.wait() }
        #expect(peak.value == 3)
        workers.close()
        #expect(!workers.submit(99))
    }
}
