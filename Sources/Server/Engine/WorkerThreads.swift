import Foundation

/// Threads of our own that run queued jobs in the order they arrived, each taking up to
/// `batchLimit` jobs at a time.
///
/// Why not Dispatch: a call job blocks for long (a live call lasts up to minutes; a simulated one
/// waits for the process's writer lock), and Dispatch keeps few threads on a small machine.
/// Foundation's `Process` (espeak-ng speaking a prompt for the first time) needs Dispatch threads
/// to read the child's pipes: with every Dispatch thread parked in a call job, the job that
/// spoke the prompt, holding the writer lock, waited for a thread that never came, and the whole
/// server stood still for seconds. Jobs here never occupy Dispatch.
final class WorkerThreads<Job: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queued: [Job] = []
    private var head = 0
    private var closed = false
    private let batchLimit: Int
    private let work: @Sendable ([Job]) -> Void

    /// Starts `count` threads named `name` that hand each batch of jobs to `work`.
    init(name: String, count: Int, batchLimit: Int = 1, work: @escaping @Sendable ([Job]) -> Void) {
        self.batchLimit = max(1, batchLimit)
        self.work = work
        for index in 0..<max(1, count) {
            let thread = Thread { [self] in loop() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Queues a job. - Returns: false once `close()` was called (the job is not run).
    @discardableResult
    func submit(_ job: Job) -> Bool {
        condition.withLock {
            guard !closed else { return false }
            queued.append(job)
            condition.signal()
            return true
        }
    }

    /// Lets the threads end once the jobs queued so far are done.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    private func loop() {
        while let batch = next() { work(batch) }
    }

    /// The next jobs, waiting for some; `nil` when closed and empty.
    private func next() -> [Job]? {
        condition.withLock {
            while head == queued.count {
                if closed { return nil }
                condition.wait()
            }
            let end = min(queued.count, head + batchLimit)
            let batch = Array(queued[head..<end])
            head = end
            if head == queued.count {
                queued.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 1024 {
                queued.removeFirst(head)
                head = 0
            }
            return batch
        }
    }
}
