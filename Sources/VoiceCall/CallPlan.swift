/// Whether a call verifies a sign-in or registers a phone; they greet differently (SPEC §2 step 4).
public enum CallKind: String, Sendable, Codable, Equatable {
    case signIn = "sign-in"
    case activation
}

/// What the user must key in to verify.
///
/// The PIN is kept out of `description` and `Codable` so that it cannot reach a log by accident.
public enum VerificationMethod: Sendable, Equatable, CustomStringConvertible {
    /// Press `#` (an empty entry) to confirm.
    case standard
    /// Key the PIN, then `#`; the check judges the entry (plain digits or an injected verifier).
    case pin(PINCheck)

    /// The method without its secret, as scripts, logs and JSON name it.
    public enum Name: String, Sendable, Codable, CaseIterable {
        /// Press `#` to confirm (the default when a script has no `method` line).
        case standard
        /// Enter the registered PIN, then `#`.
        case pin
    }

    public var isPIN: Bool { if case .pin = self { true } else { false } }
    public var name: Name { isPIN ? .pin : .standard }
    public var description: String { name.rawValue }
}

/// Why a call must not be placed, decided by the service before dialling (SPEC §2 step 1).
public enum PreDialCheck: Sendable, Equatable {
    case clear
    case blocked
    case lockedOut
    case invalidNumber
}

/// Everything the state machine needs to know about one call, decided before it starts.
///
/// The service builds this from the request, the settings and the stored state; the machine
/// never asks for more. Language and prompt texts are not here: the machine names message types
/// and whoever plays them picks the recording.
public struct CallPlan: Sendable, Equatable {
    public var kind: CallKind
    public var method: VerificationMethod
    /// The fraud code while fraud alerts are allowed; `nil` when they are off.
    public var fraudCode: KeySequence?
    /// Whether a fraud report blocks the user (chooses *Fraud confirmation* over *Fraud reported*).
    public var fraudAutoBlock: Bool
    /// The extension to reach after answering, as keys to send; `nil` when the number has none.
    public var extensionDigits: KeySequence?
    public var preDial: PreDialCheck
    /// Wrong PINs still allowed before the account locks; `nil` when lockout does not apply.
    public var denialsBeforeLockout: Int?
    public var limits: CallLimits

    public init(
        kind: CallKind = .signIn,
        method: VerificationMethod = .standard,
        fraudCode: KeySequence? = KeySequence("0"),
        fraudAutoBlock: Bool = true,
        extensionDigits: KeySequence? = nil,
        preDial: PreDialCheck = .clear,
        denialsBeforeLockout: Int? = nil,
        limits: CallLimits = CallLimits()
    ) {
        self.kind = kind
        self.method = method
        self.fraudCode = fraudCode
        self.fraudAutoBlock = fraudAutoBlock
        self.extensionDigits = extensionDigits
        self.preDial = preDial
        self.denialsBeforeLockout = denialsBeforeLockout
        self.limits = limits
    }

    /// The first prompt of the verification proper (SPEC §2 step 4's table).
    public var greeting: MessageType {
        switch (kind, method.isPIN, fraudCode != nil) {
        case (.signIn, false, false): .greetingStandard
        case (.signIn, false, true): .fraudGreetingStandard
        case (.signIn, true, false): .greetingPIN
        case (.signIn, true, true): .fraudGreetingPIN
        case (.activation, false, _): .activationGreetingStandard
        case (.activation, true, _): .activationGreetingPIN
        }
    }

    /// The prompt that opens every attempt after the first.
    public var retry: MessageType {
        switch (kind, method.isPIN) {
        case (_, true): .retryPIN
        case (.signIn, false): .retryStandard
        case (.activation, false): .activationRetryStandard
        }
    }

    /// The prompt that asks again for `#` in the extension step.
    public var extensionRetry: MessageType {
        kind == .activation ? .activation : .extensionPrompt
    }
}
