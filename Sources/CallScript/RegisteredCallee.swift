import VoiceCall

/// What the users directory holds for a call (SPEC §8.1): a `.call` or `.signin` script may leave
/// out `phone` and `method` for a registered user, and the parser fills them from here. What the
/// script states always wins for that run.
///
/// The PIN is not here: the directory keeps only a salted hash of it. `hasPIN` lets a `method pin`
/// script leave out its `pin` line; the engine then checks the keyed entries against the hash.
public struct RegisteredCallee: Sendable, Equatable {
    /// The number as registered (E.164, possibly with `x` and an extension).
    public var phone: String
    public var method: VerificationMethod.Name
    public var hasPIN: Bool

    public init(phone: String, method: VerificationMethod.Name, hasPIN: Bool = false) {
        self.phone = phone
        self.method = method
        self.hasPIN = hasPIN
    }
}
