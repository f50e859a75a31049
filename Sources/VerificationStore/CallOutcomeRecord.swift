import Foundation
import VoiceCall

/// Everything one finished verification changes, recorded by ``VerificationStore/recordCall(_:)``
/// in one transaction: the log line, the lockout counter, a block, and the e-mails.
public struct CallOutcomeRecord: Sendable, Equatable {
    /// A block to set because of this call (a fraud report with auto-block on).
    public struct BlockRequest: Sendable, Equatable {
        /// When the block starts (a fraud report: the moment it stood).
        public var at: Date
        public var until: Date
        public var reason: String
        public var blockedBy: String

        public init(at: Date, until: Date, reason: String, blockedBy: String = "fraud-alert") {
            self.at = at
            self.until = until
            self.reason = reason
            self.blockedBy = blockedBy
        }
    }

    /// The sign-in log line.
    public var signIn: SignInRecord
    /// The user whose counters change; `nil` when the request's user name was not valid (then only
    /// the log line is written, and `denialTimes`, `verified` and `block` must be empty/false/nil).
    public var user: UserName?
    /// When each wrong PIN was entered (each is a denial, SPEC §5).
    public var denialTimes: [Date]
    /// The call ended `verified`: the counter is cleared (after the denials above are counted).
    public var verified: Bool
    /// A block to set, e.g. 90 days for a fraud report.
    public var block: BlockRequest?
    /// Notification e-mails to queue.
    public var emails: [OutboxDraft]

    public init(
        signIn: SignInRecord, user: UserName?, denialTimes: [Date] = [], verified: Bool = false,
        block: BlockRequest? = nil, emails: [OutboxDraft] = []
    ) {
        self.signIn = signIn
        self.user = user
        self.denialTimes = denialTimes
        self.verified = verified
        self.block = block
        self.emails = emails
    }
}
