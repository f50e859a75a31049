/// The actions the machine answered one event with, in order: at most `capacity`, held inline.
///
/// An event yields a handful of actions (five at most). The machine keeps them in this fixed
/// buffer inside itself, and a channel reads them in place (`session.machine.actions`): no heap
/// storage, reference counting or uniqueness checks per event on the call's hot path (SPEC §12),
/// while callers still iterate, index and compare them like an array.
public struct CallActions: Sendable, Equatable, RandomAccessCollection, ExpressibleByArrayLiteral,
    CustomStringConvertible
{
    /// Room for the most actions one event produces, with margin.
    public static let capacity = 8

    // A literal, not `init(repeating:)`: it compiles to plain stores (a machine per call makes one).
    @usableFromInline var storage: InlineArray<8, CallAction> = [.hangUp, .hangUp, .hangUp, .hangUp, .hangUp, .hangUp, .hangUp, .hangUp]
    public private(set) var count = 0

    public init() {}

    public init(arrayLiteral elements: CallAction...) {
        for element in elements { append(element) }
    }

    /// Adds an action; the machine never produces more than `capacity` for one event.
    public mutating func append(_ action: CallAction) {
        precondition(count < Self.capacity, "one event produced more than \(Self.capacity) actions")
        storage[count] = action
        count += 1
    }

    /// Forgets the actions (the storage stays): the machine does this before each event.
    public mutating func removeAll() { count = 0 }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inlinable
    public subscript(position: Int) -> CallAction {
        precondition(UInt(bitPattern: position) < UInt(count), "CallActions index out of range")
        return storage[position]
    }

    public static func == (lhs: CallActions, rhs: CallActions) -> Bool { lhs.elementsEqual(rhs) }

    public var description: String { Array(self).description }
}
