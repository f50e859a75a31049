import Foundation

/// One sign-in as the client presents it (a `.signin` script's header, SPEC §8.2): who, from where,
/// with what, and what the person will answer. Checked values only.
public struct SignInAttempt: Sendable, Hashable {
    /// A web browser (interactive) or an older rich client (Outlook 2010 and the like: no prompt).
    public enum Client: String, Sendable, CaseIterable {
        case browser
        case richClient = "rich-client"
    }

    /// How the first factor was proven; the two Windows integrated ways hide KMSI.
    public enum FirstFactor: String, Sendable, CaseIterable {
        case password
        case seamlessSSOIWA = "seamless-sso-iwa"
        case adfsIWA = "adfs-iwa"
    }

    /// The sign-in risk score.
    public enum Risk: String, Sendable, CaseIterable {
        case none, low, medium, high
    }

    /// What the person does when *Stay signed in?* is shown.
    public enum StaySignedInAnswer: String, Sendable, CaseIterable {
        case yes, no, abandon
    }

    public var user: String
    public var time: Date
    public var ip: IPAddress
    public var client: Client
    /// The browser's id (it carries the remember-MFA cookie); only for `browser` clients.
    public var browserID: String?
    public var firstFactor: FirstFactor
    /// The AD FS `insidecorporatenetwork` claim came with the sign-in.
    public var intranetClaim: Bool
    public var guest: Bool
    public var risk: Risk
    public var consent: Bool
    /// A rich client presented a valid app password.
    public var appPassword: Bool
    public var method: SignInMethod
    /// The person ticks "Don't ask again for N days".
    public var remember: Bool
    public var staySignedIn: StaySignedInAnswer

    public init(
        user: String, time: Date, ip: IPAddress, client: Client = .browser, browserID: String? = nil,
        firstFactor: FirstFactor = .password, intranetClaim: Bool = false, guest: Bool = false, risk: Risk = .none,
        consent: Bool = false, appPassword: Bool = false, method: SignInMethod = .call, remember: Bool = false,
        staySignedIn: StaySignedInAnswer = .no
    ) {
        self.user = user
        self.time = time
        self.ip = ip
        self.client = client
        self.browserID = browserID
        self.firstFactor = firstFactor
        self.intranetClaim = intranetClaim
        self.guest = guest
        self.risk = risk
        self.consent = consent
        self.appPassword = appPassword
        self.method = method
        self.remember = remember
        self.staySignedIn = staySignedIn
    }
}
