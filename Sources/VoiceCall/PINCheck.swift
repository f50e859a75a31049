/// How a PIN call judges an entry: against plain digits (a script's `pin` line, tests, benchmarks),
/// or through an injected verifier (the users directory's PBKDF2 hash, SPEC §8.1).
///
/// The machine stays pure: it only calls `matches`, like the TOTP check over an injected HMAC.
/// Neither case shows its secret in `description`.
public enum PINCheck: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The PIN as keys; compared directly (the fast path).
    case digits(KeySequence)
    /// A verifier the service injects; `label` names its source (never the PIN) and decides equality.
    case verifier(label: String, @Sendable ([DTMFKey]) -> Bool)

    /// Whether `text` is an acceptable PIN: 4 to 8 digits (SPEC §5). Scripts and the users
    /// directory both check with this.
    public static func isValidPIN(_ text: String) -> Bool {
        (4...8).contains(text.utf8.count) && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Plain digits from text; an unparsable text gives an empty PIN that no entry matches.
    public init(_ text: String) { self = .digits(KeySequence(text) ?? KeySequence()) }
    public init(stringLiteral value: String) { self.init(value) }

    /// Whether `entry` (without `#`) is the PIN. An empty entry never is.
    public func matches(_ entry: KeySequence) -> Bool {
        switch self {
        case .digits(let pin): !entry.isEmpty && pin == entry
        case .verifier(_, let verify): !entry.isEmpty && verify(Array(entry))
        }
    }

    public static func == (lhs: PINCheck, rhs: PINCheck) -> Bool {
        switch (lhs, rhs) {
        case (.digits(let a), .digits(let b)): a == b
        case (.verifier(let a, _), .verifier(let b, _)): a == b
        case (.digits, .verifier), (.verifier, .digits): false
        }
    }

    public var description: String {
        switch self {
        case .digits: "PIN"
        case .verifier(let label, _): "PIN verified by \(label)"
        }
    }
}
