import Foundation
import VoiceCall

/// Where a verification asked for over HTTP stands (SPEC §16).
public enum VerificationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Accepted, the call not yet placed.
    case queued
    /// The call is in progress.
    case calling
    /// The call ended with a result.
    case completed
    /// Canceled before it ended, or cut short by a server stop.
    case canceled

    /// Whether the verification can still change.
    public var isFinal: Bool {
        switch self {
        case .queued, .calling: false
        case .completed, .canceled: true
        }
    }
}

/// What a verification's call did, as the API reports it (the call fields of `ivr call --json`).
public struct VerificationOutcome: Sendable, Hashable, Codable {
    /// A prompt the call played: the same typed record as the sign-in log's.
    public typealias Prompt = SignInRecord.Prompt

    /// The call's result; `nil` when no call ended with one (canceled, the server stopping).
    public var result: CallResult?
    public var detail: String
    public var callerId: String?
    public var prompts: [Prompt]
    public var digitsSent: String
    public var notifications: Int
    /// The SIP Call-ID and final status of a live call (`nil` for a simulated one), as `ivr dial --json`.
    public var sipCallId: String?
    public var sipStatus: Int?

    /// The outcome of a verification that ended without a call result (canceled, the server
    /// stopping, no call placed): only `detail` says why.
    public static func noCall(_ detail: String) -> VerificationOutcome {
        VerificationOutcome(result: nil, detail: detail, callerId: nil, prompts: [], digitsSent: "", notifications: 0)
    }

    public init(result: CallResult?, detail: String, callerId: String?, prompts: [Prompt], digitsSent: String, notifications: Int) {
        self.result = result
        self.detail = detail
        self.callerId = callerId
        self.prompts = prompts
        self.digitsSent = digitsSent
        self.notifications = notifications
    }
}

/// One verification as stored. The caller's script is never stored: on a PIN call its keys are
/// the PIN.
public struct VerificationRecord: Sendable, Hashable {
    public var id: String
    /// The API key that asked for it: only that key (or an admin) may read it.
    public var keyID: String
    public var user: String
    /// The normalised E.164 number called (without extension), `nil` when none could be parsed.
    public var number: String?
    public var status: VerificationStatus
    /// The request's fields other than the script, as JSON (for the record).
    public var requestJSON: String
    public var callbackURL: String?
    public var outcome: VerificationOutcome?
    public var createdAt: Date
    public var endedAt: Date?

    public init(
        id: String, keyID: String, user: String, number: String?, status: VerificationStatus, requestJSON: String,
        callbackURL: String?, outcome: VerificationOutcome? = nil, createdAt: Date, endedAt: Date? = nil
    ) {
        self.id = id
        self.keyID = keyID
        self.user = user
        self.number = number
        self.status = status
        self.requestJSON = requestJSON
        self.callbackURL = callbackURL
        self.outcome = outcome
        self.createdAt = createdAt
        self.endedAt = endedAt
    }
}

/// Limits on how many verifications one number and one user may get in a window (toll fraud).
public struct VerificationThrottle: Sendable, Hashable {
    public var perNumber: Int
    public var perUser: Int
    public var window: TimeInterval

    public init(perNumber: Int, perUser: Int, window: TimeInterval = 300) {
        self.perNumber = perNumber
        self.perUser = perUser
        self.window = window
    }

    /// Why a verification was refused, and when asking again can succeed.
    public enum Refusal: Sendable, Hashable {
        case number(retryAfter: TimeInterval)
        case user(retryAfter: TimeInterval)
    }
}
