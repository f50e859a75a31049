/// How a verification ended. Every call, placed or not, ends in exactly one result (SPEC §2).
public enum CallResult: String, CaseIterable, Sendable, Hashable, Codable {
    case verified
    case fraudReported = "fraud_reported"
    case denied
    case timedOut = "timed_out"
    case notAnswered = "not_answered"
    case abandoned
    case blocked
    case lockedOut = "locked_out"
    case invalidRequest = "invalid_request"

    /// The stable id used in JSON and the sign-in log (`fraud_reported`).
    public var id: String { rawValue }
}

/// The sign-in log's "result detail" text, as the seed's sign-in report words it.
public enum ResultDetail: String, CaseIterable, Sendable, Hashable, Codable {
    case completed = "MFA successfully completed"
    case fraudCodeEntered = "MFA denied; Fraud Code Entered"
    case invalidPIN = "MFA denied; invalid PIN"
    case invalidInput = "MFA denied; invalid input"
    case noResponse = "MFA denied; no response"
    case notAnswered = "MFA denied; phone call not answered"
    case callerHungUp = "MFA denied; caller hung up"
    case userBlocked = "MFA denied; user is blocked"
    case lockedOut = "MFA denied; account locked out"
    case invalidPhoneNumber = "MFA denied; invalid phone number"
}
