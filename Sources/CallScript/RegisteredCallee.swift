/// What the users directory holds for a call (SPEC §8.1): a `.call` or `.signin` script may leave
/// out `phone` and `method` for a registered user, and the parser fills them from here. What the
/// script states always wins for that run.
///
/// The PIN is not here: the directory keeps only a salted hash of it, which no script can be
/// filled from.
public struct RegisteredCallee: Sendable, Equatable {
    /// The number as registered (E.164, possibly with `x` and an extension).
    public var phone: String
    public var method: CallMethod

    public init(phone: String, method: CallMethod) {
        self.phone = phone
        self.method = method
    }
}
