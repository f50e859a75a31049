import CRe
import Foundation

/// The one thread that runs libre's event loop (`re_main`).
///
/// libre is not thread-safe: every libre call of the process happens on this thread. Other threads
/// hand work over with `async`, which goes through libre's own thread-safe `mqueue` (a pipe the
/// loop polls), so the loop wakes at once. There is one loop per process: libre keeps global state.
public final class ReLoop: @unchecked Sendable {
    /// The process's loop, started on first use.
    public static let shared = ReLoop()

    /// Written once on the loop thread before `ready` is signalled; read only after.
    private var queue: OpaquePointer?
    private var startError: Int32 = 0
    private let thread: Thread

    private init() {
        let ready = DispatchSemaphore(value: 0)
        let box = LoopStart(ready: ready)
        thread = Thread { box.loop?.run(ready: ready) }
        thread.name = "ivr.re_main"
        thread.stackSize = 1 << 20
        box.loop = self
        thread.start()
        ready.wait()
        precondition(startError == 0, "libre could not start its event loop (error \(startError))")
    }

    private final class LoopStart: @unchecked Sendable {
        let ready: DispatchSemaphore
        weak var loop: ReLoop?
        init(ready: DispatchSemaphore) { self.ready = ready }
    }

    private func run(ready: DispatchSemaphore) {
        startError = libre_init()
        if startError == 0 {
            var mq: OpaquePointer?
            startError = mqueue_alloc(&mq, { _, data, _ in
                guard let data else { return }
                let work = Unmanaged<Work>.fromOpaque(data).takeRetainedValue()
                work.body()
            }, nil)
            queue = mq
        }
        ready.signal()
        guard startError == 0 else { return }
        _ = re_main(nil)
    }

    private final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Runs `body` on the loop thread, soon. Safe from any thread, the loop's own included.
    public func async(_ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        if mqueue_push(queue, 0, work) != 0 {
            Unmanaged<Work>.fromOpaque(work).release()
            preconditionFailure("libre's message queue refused work")
        }
    }

    /// Runs `body` on the loop thread and waits for its value. Never call it from the loop thread.
    public func sync<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        precondition(!isCurrent, "ReLoop.sync called on the loop thread would wait for itself")
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox<T>()
        async {
            result.value = body()
            done.signal()
        }
        done.wait()
        return result.value!
    }

    private final class ResultBox<T>: @unchecked Sendable { var value: T? }

    /// True on the loop thread.
    public var isCurrent: Bool { Thread.current == thread }
}

/// Seconds on the monotonic clock: never jumps with the wall clock, so media stays paced.
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
