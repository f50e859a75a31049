import Foundation

/// The sign-in pipeline of SPEC §8.3 as a pure decision: blocked/locked → bypass → rich clients →
/// method → remember → *Stay signed in?*, each step recorded in order.
///
/// The method itself (a phone call, a code check) is the engine's work, so the pipeline runs in
/// two halves: ``start(_:_:)`` decides everything up to the method and either finishes
/// (`.decided`) or asks for it (`.needsMethod`); the engine runs the method and hands its
/// ``MethodOutcome`` to ``Pending/finish(_:)``, which decides the rest. No clock, no I/O.
public enum SignInPipeline {
    /// Where the pipeline stands after ``start(_:_:)``.
    public enum Stage: Sendable {
        case decided(SignInDecision)
        /// Run `pending.method` and call `pending.finish(_:)` with its outcome.
        case needsMethod(Pending)
    }

    /// A sign-in waiting for its verification method.
    public struct Pending: Sendable {
        public let attempt: SignInAttempt
        public let context: SignInContext
        public var method: SignInMethod { attempt.method }
        let steps: [SignInDecision.Step]

        /// Decides the rest of the sign-in from the method's outcome.
        public func finish(_ outcome: MethodOutcome) -> SignInDecision {
            var steps = self.steps
            let label = "\(method.id): \(outcome.verified ? "verified" : "failed") (\(outcome.detail))"
            steps.append(.init(.method, label))
            guard outcome.verified else {
                return SignInDecision(
                    result: .denied, detail: outcome.detail, bypass: nil, method: method, rememberedUntil: nil,
                    kmsi: nil, session: nil, errorCode: nil, steps: steps)
            }
            let remembered = SignInPipeline.remember(attempt, context)
            steps.append(.init(.remember, remembered.outcome))
            return SignInPipeline.staySignedIn(
                attempt, context, detail: outcome.detail, bypass: nil, method: method,
                rememberedUntil: remembered.until, steps: steps)
        }
    }

    /// Runs the steps before the method.
    public static func start(_ attempt: SignInAttempt, _ context: SignInContext) -> Stage {
        var steps: [SignInDecision.Step] = []
        func denied(_ detail: String, method: SignInMethod? = nil) -> Stage {
            .decided(SignInDecision(
                result: .denied, detail: detail, bypass: nil, method: method, rememberedUntil: nil, kmsi: nil,
                session: nil, errorCode: nil, steps: steps))
        }

        // 1. Blocked or locked out: nothing else runs.
        switch context.access {
        case .blocked:
            steps.append(.init(.access, "blocked"))
            return denied("MFA denied; user is blocked")
        case .lockedOut:
            steps.append(.init(.access, "locked out"))
            return denied("MFA denied; account locked out")
        case .allowed:
            steps.append(.init(.access, "allowed"))
        }

        // 2. Bypass.
        if let (bypass, why) = self.bypass(attempt, context) {
            steps.append(.init(.bypass, "\(bypass.rawValue): \(why)"))
            steps.append(.init(.client, attempt.client == .browser ? "browser" : "rich client: passes with the bypass"))
            return .decided(self.granted(by: bypass, why: why, attempt, context, steps: steps))
        }
        steps.append(.init(.bypass, "none"))

        // 3. Rich clients: no interactive prompt, ever.
        switch attempt.client {
        case .browser:
            steps.append(.init(.client, "browser: interactive verification"))
        case .richClient:
            let trusted = context.policy.trustedIPs.match(attempt.ip)
            if let trusted, !context.userHasAppPassword {
                let why = "rich client inside trusted range \(trusted), and the user has no app password"
                steps.append(.init(.client, why))
                return .decided(self.granted(by: .trustedIP, why: why, attempt, context, steps: steps))
            }
            if attempt.appPassword {
                let why = "rich client presented an app password"
                steps.append(.init(.client, why))
                return .decided(self.granted(by: .appPassword, why: why, attempt, context, steps: steps))
            }
            let why =
                trusted == nil
                ? "rich client outside the trusted ranges without an app password"
                : "rich client inside trusted range \(trusted!), but the user has created an app password and did not present it"
            steps.append(.init(.client, "denied: \(why)"))
            return denied("MFA denied; app password required (\(why))")
        }

        // 4. The method must be enabled; then the engine runs it.
        guard context.policy.methods.isEnabled(attempt.method) else {
            steps.append(.init(.method, "\(attempt.method.id): method disabled (methods.\(attempt.method.id) off)"))
            return denied("MFA denied; method disabled: \(attempt.method.id)", method: attempt.method)
        }
        return .needsMethod(Pending(attempt: attempt, context: context, steps: steps))
    }

    /// The first bypass that applies, with the words for it.
    static func bypass(_ attempt: SignInAttempt, _ context: SignInContext) -> (SignInDecision.Bypass, String)? {
        let policy = context.policy
        if attempt.client == .browser, let range = policy.trustedIPs.match(attempt.ip) {
            return (.trustedIP, "\(attempt.ip) is inside trusted range \(range)")
        }
        for location in policy.namedLocations {
            if let range = location.match(attempt.ip) {
                return (.namedLocation, "\(attempt.ip) is inside named location '\(location.name)' (\(range))")
            }
        }
        if policy.federatedIntranet, attempt.intranetClaim {
            return (.federatedIntranet, "the federated sign-in carries the inside-corporate-network claim")
        }
        if attempt.client == .browser, !attempt.guest, attempt.browserID != nil,
           let issued = context.rememberedBrowserIssuedAt, policy.rememberMFA.honours(issuedAt: issued, at: attempt.time)
        {
            return (.rememberedDevice, "this browser was remembered after MFA within the last \(policy.rememberMFA.days) days")
        }
        return nil
    }

    /// A sign-in that needed no method: nothing to remember, then KMSI.
    static func granted(
        by bypass: SignInDecision.Bypass, why: String, _ attempt: SignInAttempt, _ context: SignInContext,
        steps: [SignInDecision.Step]
    ) -> SignInDecision {
        var steps = steps
        steps.append(.init(.method, "not needed (bypass \(bypass.rawValue))"))
        let rememberOutcome = attempt.client == .richClient ? "not offered to rich clients" : "not needed (no MFA was performed)"
        steps.append(.init(.remember, rememberOutcome))
        return self.staySignedIn(
            attempt, context, detail: "MFA not required: \(why)", bypass: bypass, method: nil, rememberedUntil: nil,
            steps: steps)
    }

    /// Step 5: whether this browser gets a remember-MFA cookie, and until when.
    static func remember(_ attempt: SignInAttempt, _ context: SignInContext) -> (until: Date?, outcome: String) {
        let policy = context.policy.rememberMFA
        guard attempt.client == .browser else { return (nil, "not offered to rich clients") }
        guard policy.enabled else { return (nil, "not offered (remember-mfa.enabled off)") }
        guard !attempt.guest else { return (nil, "not offered to guests") }
        guard attempt.remember else { return (nil, "offered, not ticked") }
        guard attempt.browserID != nil else { return (nil, "ticked, but the browser keeps no cookie (no browser id)") }
        let until = policy.expiry(issuedAt: attempt.time)
        return (until, "remembered for \(policy.days) days")
    }

    /// Step 6: *Stay signed in?* after a successful sign-in.
    static func staySignedIn(
        _ attempt: SignInAttempt, _ context: SignInContext, detail: String, bypass: SignInDecision.Bypass?,
        method: SignInMethod?, rememberedUntil: Date?, steps: [SignInDecision.Step]
    ) -> SignInDecision {
        var steps = steps
        var decision = SignInDecision(
            result: .granted, detail: detail, bypass: bypass, method: method, rememberedUntil: rememberedUntil,
            kmsi: nil, session: .sessionCookie, errorCode: nil, steps: [])
        if let reason = self.kmsiHidden(attempt, context) {
            decision.kmsi = .notShown(reason)
            steps.append(.init(.kmsi, "not shown (\(reason.rawValue))"))
        } else {
            decision.kmsi = .shown(attempt.staySignedIn)
            switch attempt.staySignedIn {
            case .yes:
                decision.session = .persistent
                steps.append(.init(.kmsi, "shown: yes (persistent session)"))
            case .no:
                steps.append(.init(.kmsi, "shown: no (session cookie)"))
            case .abandon:
                decision.result = .interrupted
                decision.session = nil
                decision.errorCode = SignInDecision.kmsiInterruptErrorCode
                decision.detail = SignInDecision.kmsiInterruptReason
                steps.append(.init(.kmsi, "shown: abandoned (error \(SignInDecision.kmsiInterruptErrorCode))"))
            }
        }
        decision.steps = steps
        return decision
    }

    /// The first reason, in SPEC §8.3's order, to hide *Stay signed in?*.
    static func kmsiHidden(_ attempt: SignInAttempt, _ context: SignInContext) -> SignInDecision.KMSIReason? {
        if attempt.client == .richClient { return .richClient }
        if !context.policy.kmsiShow { return .settingOff }
        switch attempt.firstFactor {
        case .seamlessSSOIWA: return .seamlessSSOIWA
        case .adfsIWA: return .adfsIWA
        case .password: break
        }
        if attempt.guest { return .guest }
        if attempt.risk == .high { return .highRisk }
        if attempt.consent { return .consent }
        if context.persistentBrowserSession { return .persistentBrowserSession }
        return nil
    }
}
