import Foundation

/// Hangs up one live call from another thread: `ivr serve` cancels a verification while its call
/// is ringing or talking. The call sends CANCEL (ringing) or BYE (answered) and ends at once.
///
/// A cancel may come before the call is placed: the call is then hung up as soon as it starts.
public final class LiveCallCanceller: @unchecked Sendable {
    private let lock = NSLock()
    private var canceled = false
    private var hangUp: (@Sendable () -> Void)?

    public init() {}

    /// Hangs the call up (once); later calls do nothing.
    public func cancel() {
        let action = lock.withLock { () -> (@Sendable () -> Void)? in
            guard !canceled else { return nil }
            canceled = true
            defer { hangUp = nil }
            return hangUp
        }
        action?()
    }

    /// Remembers how to hang up the call just placed; hangs up at once when canceled already.
    func attach(_ action: @escaping @Sendable () -> Void) {
        let now = lock.withLock { () -> Bool in
            if canceled { return true }
            hangUp = action
            return false
        }
        if now { action() }
    }
}
