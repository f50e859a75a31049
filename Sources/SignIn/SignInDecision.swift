import Foundation

/// The result of one sign-in (SPEC §8.4), before rendering.
public struct SignInDecision: Sendable, Hashable {
    public enum Result: String, Sendable {
        case granted, denied, interrupted
    }

    /// Why MFA was not asked for.
    public enum Bypass: String, Sendable, CaseIterable {
        case trustedIP = "trusted-ip"
        case namedLocation = "named-location"
        case federatedIntranet = "federated-intranet"
        case rememberedDevice = "remembered-device"
        case appPassword = "app-password"
    }

    /// Why *Stay signed in?* was not shown, in the order SPEC §8.3 checks them.
    public enum KMSIReason: String, Sendable, CaseIterable {
        case richClient = "rich-client"
        case settingOff = "setting-off"
        case seamlessSSOIWA = "seamless-sso-iwa"
        case adfsIWA = "adfs-iwa"
        case guest
        case highRisk = "high-risk"
        case consent
        case persistentBrowserSession = "persistent-browser-session"
    }

    public enum KMSI: Sendable, Hashable {
        case shown(SignInAttempt.StaySignedInAnswer)
        case notShown(KMSIReason)

        /// `shown` or `not-shown`.
        public var id: String {
            switch self {
            case .shown: "shown"
            case .notShown: "not-shown"
            }
        }

        public var reason: KMSIReason? {
            switch self {
            case .shown: nil
            case .notShown(let reason): reason
            }
        }
    }

    public enum Session: String, Sendable {
        case persistent
        /// Lasts 24 hours or until the browser closes.
        case sessionCookie = "session-cookie"
    }

    /// One step of SPEC §8.3 and how it came out.
    public struct Step: Sendable, Hashable {
        public enum Name: String, Sendable, CaseIterable {
            case access, bypass, client, method, remember, kmsi
        }

        public var step: Name
        public var outcome: String

        public init(_ step: Name, _ outcome: String) {
            self.step = step
            self.outcome = outcome
        }
    }

    /// The error code the sign-in log shows for an abandoned *Stay signed in?* (seed 000–003).
    public static let kmsiInterruptErrorCode = 50140
    /// The seed's failure reason for that code.
    public static let kmsiInterruptReason =
        "This error occurred due to 'Keep me signed in' interrupt when the user was signing in."

    public var result: Result
    public var detail: String
    public var bypass: Bypass?
    /// The method used, `nil` when none ran (bypass, or denied before).
    public var method: SignInMethod?
    public var rememberedUntil: Date?
    /// `nil` when the sign-in failed before KMSI.
    public var kmsi: KMSI?
    public var session: Session?
    public var errorCode: Int?
    public var steps: [Step]
}
