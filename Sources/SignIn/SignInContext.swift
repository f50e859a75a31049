import Foundation

/// What the engine knows when a sign-in arrives: the tenant's settings and this user's state.
/// Read from the store by the engine, then handed to the pure ``SignInPipeline``.
public struct SignInContext: Sendable {
    /// The block/lockout check of SPEC §5 at the sign-in's time.
    public enum Access: Sendable, Hashable {
        case allowed
        case blocked
        case lockedOut
    }

    public var access: Access
    public var policy: SignInPolicy
    /// When this browser's unrevoked remember-MFA cookie for this user was issued, if it has one.
    public var rememberedBrowserIssuedAt: Date?
    /// The user has created an app password (`ivr users app-password USER create`).
    public var userHasAppPassword: Bool
    /// The user is under a persistent-browser-session control.
    public var persistentBrowserSession: Bool

    public init(
        access: Access = .allowed, policy: SignInPolicy = SignInPolicy(), rememberedBrowserIssuedAt: Date? = nil,
        userHasAppPassword: Bool = false, persistentBrowserSession: Bool = false
    ) {
        self.access = access
        self.policy = policy
        self.rememberedBrowserIssuedAt = rememberedBrowserIssuedAt
        self.userHasAppPassword = userHasAppPassword
        self.persistentBrowserSession = persistentBrowserSession
    }
}

/// The sign-in settings of SPEC §8.5, checked.
public struct SignInPolicy: Sendable, Hashable {
    public var trustedIPs: TrustedIPRanges
    public var federatedIntranet: Bool
    public var namedLocations: [NamedLocation]
    public var methods: MethodSwitches
    public var rememberMFA: RememberMFAPolicy
    /// `kmsi.show`: whether *Stay signed in?* may be shown at all.
    public var kmsiShow: Bool

    public init(
        trustedIPs: TrustedIPRanges = .none, federatedIntranet: Bool = false, namedLocations: [NamedLocation] = [],
        methods: MethodSwitches = .all, rememberMFA: RememberMFAPolicy = RememberMFAPolicy(), kmsiShow: Bool = true
    ) {
        self.trustedIPs = trustedIPs
        self.federatedIntranet = federatedIntranet
        self.namedLocations = namedLocations
        self.methods = methods
        self.rememberMFA = rememberMFA
        self.kmsiShow = kmsiShow
    }
}
