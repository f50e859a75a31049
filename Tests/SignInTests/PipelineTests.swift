import Foundation
import Testing

@testable import SignIn

/// Drives the pure pipeline; the method outcome is an input, as the engine gives it.
@Suite("Sign-in pipeline (SPEC §8.3)")
struct PipelineTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_600_000)
    static let outside = IPAddress("198.51.100.20")!
    static let inside = IPAddress("40.77.182.40")!

    static func attempt(_ ip: IPAddress = outside, _ change: (inout SignInAttempt) -> Void = { _ in }) -> SignInAttempt {
        var attempt = SignInAttempt(user: "alice@contoso.com", time: t0, ip: ip, browserID: "b-1")
        change(&attempt)
        return attempt
    }

    static func policy(_ change: (inout SignInPolicy) -> Void = { _ in }) throws -> SignInPolicy {
        var policy = SignInPolicy(trustedIPs: try TrustedIPRanges(parsing: "40.77.182.32/27", allowPrivate: false))
        change(&policy)
        return policy
    }

    /// Runs the whole pipeline, answering the method with `outcome`.
    static func run(_ attempt: SignInAttempt, _ context: SignInContext, outcome: MethodOutcome = .completed) -> SignInDecision {
        switch SignInPipeline.start(attempt, context) {
        case .decided(let decision): decision
        case .needsMethod(let pending): pending.finish(outcome)
        }
    }

    static func needsMethod(_ attempt: SignInAttempt, _ context: SignInContext) -> Bool {
        if case .needsMethod = SignInPipeline.start(attempt, context) { return true }
        return false
    }

    @Test("inside a trusted range bypasses MFA, outside does not")
    func trustedIP() throws {
        let context = SignInContext(policy: try Self.policy())
        let decision = Self.run(Self.attempt(Self.inside), context)
        #expect(decision.bypass == .trustedIP)
        #expect(decision.method == nil)
        #expect(decision.result == .granted)
        #expect(Self.needsMethod(Self.attempt(Self.outside), context))
        #expect(Self.run(Self.attempt(Self.outside), context).bypass == nil)
    }

    @Test("a /32 trusts exactly one address; a mapped IPv6 client matches")
    func singleAddress() throws {
        let context = SignInContext(policy: try Self.policy { $0.trustedIPs = try! TrustedIPRanges(parsing: "198.51.100.7/32", allowPrivate: false) })
        #expect(Self.run(Self.attempt(IPAddress("198.51.100.7")!), context).bypass == .trustedIP)
        #expect(Self.run(Self.attempt(IPAddress("::ffff:198.51.100.7")!), context).bypass == .trustedIP)
        #expect(Self.needsMethod(Self.attempt(IPAddress("198.51.100.8")!), context))
    }

    @Test("IPv6 client matched by a named location")
    func namedLocation() throws {
        let office = try NamedLocation(name: "Lab", ranges: ["2001:db8:1::/48"])
        let context = SignInContext(policy: try Self.policy { $0.namedLocations = [office] })
        let decision = Self.run(Self.attempt(IPAddress("2001:db8:1::9")!), context)
        #expect(decision.bypass == .namedLocation)
        #expect(Self.needsMethod(Self.attempt(IPAddress("2001:db8:2::9")!), context))
    }

    @Test("the federated claim bypasses only with the setting on; from outside it bypasses nothing")
    func federated() throws {
        let on = SignInContext(policy: try Self.policy { $0.federatedIntranet = true })
        let off = SignInContext(policy: try Self.policy())
        #expect(Self.run(Self.attempt { $0.intranetClaim = true }, on).bypass == .federatedIntranet)
        #expect(Self.needsMethod(Self.attempt { $0.intranetClaim = true }, off))
        #expect(Self.needsMethod(Self.attempt(), on))
    }

    @Test("remember-MFA: day N−1 bypassed, day N+1 prompted, another browser and a guest prompted")
    func rememberedDevice() throws {
        let days = 30
        let policy = try Self.policy { $0.rememberMFA = RememberMFAPolicy(enabled: true, days: days) }
        let issued = Self.t0
        func at(_ day: Int) -> Date { issued.addingTimeInterval(Double(day) * 86_400) }
        let context = SignInContext(policy: policy, rememberedBrowserIssuedAt: issued)
        #expect(Self.run(Self.attempt { $0.time = at(days - 1) }, context).bypass == .rememberedDevice)
        #expect(Self.needsMethod(Self.attempt { $0.time = at(days + 1) }, context))
        // Another browser: the engine finds no cookie for it.
        #expect(Self.needsMethod(Self.attempt { $0.time = at(1); $0.browserID = "b-2" }, SignInContext(policy: policy)))
        #expect(Self.needsMethod(Self.attempt { $0.time = at(1); $0.guest = true }, context))
        var off = policy
        off.rememberMFA.enabled = false
        #expect(Self.needsMethod(Self.attempt { $0.time = at(1) }, SignInContext(policy: off, rememberedBrowserIssuedAt: issued)))
    }

    @Test("remember after MFA: issued for N days; never for guests or rich clients")
    func rememberStep() throws {
        let policy = try Self.policy { $0.rememberMFA = RememberMFAPolicy(enabled: true, days: 14) }
        let context = SignInContext(policy: policy)
        let decision = Self.run(Self.attempt { $0.remember = true }, context)
        #expect(decision.rememberedUntil == Self.t0.addingTimeInterval(14 * 86_400))
        #expect(Self.run(Self.attempt { $0.remember = true; $0.guest = true }, context).rememberedUntil == nil)
        #expect(Self.run(Self.attempt { $0.remember = false }, context).rememberedUntil == nil)
        let rich = Self.run(Self.attempt { $0.remember = true; $0.client = .richClient; $0.appPassword = true; $0.browserID = nil }, context)
        #expect(rich.rememberedUntil == nil)
        #expect(rich.steps.first { $0.step == .remember }?.outcome.contains("rich") == true)
    }

    @Test("rich clients: trusted range passes unless the user has an app password; else app password required")
    func richClients() throws {
        let context = SignInContext(policy: try Self.policy())
        func rich(_ ip: IPAddress, appPassword: Bool = false) -> SignInAttempt {
            Self.attempt(ip) { $0.client = .richClient; $0.browserID = nil; $0.appPassword = appPassword }
        }
        #expect(Self.run(rich(Self.inside), context).bypass == .trustedIP)
        var hasOne = context
        hasOne.userHasAppPassword = true
        let required = Self.run(rich(Self.inside), hasOne)
        #expect(required.result == .denied)
        #expect(required.detail.contains("app password required"))
        #expect(Self.run(rich(Self.inside, appPassword: true), hasOne).bypass == .appPassword)
        let outside = Self.run(rich(Self.outside), context)
        #expect(outside.result == .denied && outside.detail.contains("app password required"))
        #expect(Self.run(rich(Self.outside, appPassword: true), context).bypass == .appPassword)
    }

    @Test("blocked and locked out deny before anything else")
    func blocked() throws {
        for access in [SignInContext.Access.blocked, .lockedOut] {
            let decision = Self.run(Self.attempt(Self.inside), SignInContext(access: access, policy: try Self.policy()))
            #expect(decision.result == .denied)
            #expect(decision.steps.map(\.step) == [.access])
            #expect(decision.kmsi == nil && decision.session == nil && decision.bypass == nil)
        }
    }

    @Test("a disabled method is denied without running")
    func disabledMethod() throws {
        let context = SignInContext(policy: try Self.policy { $0.methods = try! $0.methods.setting(.text, on: false) })
        let stage = SignInPipeline.start(Self.attempt { $0.method = .text }, context)
        guard case .decided(let decision) = stage else {
            Issue.record("a disabled method ran")
            return
        }
        #expect(decision.result == .denied)
        #expect(decision.detail.contains("method disabled"))
        #expect(decision.method == .text)
        #expect(Self.needsMethod(Self.attempt { $0.method = .call }, context))
    }

    @Test("a failed method denies; no remember, no KMSI")
    func failedMethod() throws {
        let decision = Self.run(Self.attempt(), SignInContext(policy: try Self.policy()), outcome: .notification(.deny))
        #expect(decision.result == .denied)
        #expect(decision.kmsi == nil && decision.session == nil && decision.rememberedUntil == nil)
        #expect(Self.run(Self.attempt(), SignInContext(policy: try Self.policy()), outcome: .notification(.ignore)).detail.contains("60 seconds"))
    }

    @Test("KMSI: shown and answered yes/no/abandon")
    func kmsiShown() throws {
        let context = SignInContext(policy: try Self.policy())
        let yes = Self.run(Self.attempt { $0.staySignedIn = .yes }, context)
        #expect(yes.kmsi == .shown(.yes) && yes.session == .persistent && yes.result == .granted)
        let no = Self.run(Self.attempt { $0.staySignedIn = .no }, context)
        #expect(no.session == .sessionCookie)
        let abandoned = Self.run(Self.attempt { $0.staySignedIn = .abandon }, context)
        #expect(abandoned.result == .interrupted)
        #expect(abandoned.errorCode == 50140)
        #expect(abandoned.detail == SignInDecision.kmsiInterruptReason)
        #expect(abandoned.session == nil)
    }

    @Test("each KMSI reason, and the order SPEC §8.3 checks them in")
    func kmsiReasons() throws {
        typealias Reason = SignInDecision.KMSIReason
        // Every condition true at once, then lifted one by one: each reason appears in turn.
        var attempt = Self.attempt(Self.inside) {
            $0.client = .richClient; $0.firstFactor = .seamlessSSOIWA; $0.guest = true; $0.risk = .high; $0.consent = true
            $0.staySignedIn = .abandon
        }
        var context = SignInContext(policy: try Self.policy { $0.kmsiShow = false }, persistentBrowserSession: true)
        var seen: [Reason] = []
        func next() -> Reason? { Self.run(attempt, context).kmsi?.reason }
        seen.append(next()!); attempt.client = .browser
        seen.append(next()!); context.policy.kmsiShow = true
        seen.append(next()!); attempt.firstFactor = .adfsIWA
        seen.append(next()!); attempt.firstFactor = .password
        seen.append(next()!); attempt.guest = false
        seen.append(next()!); attempt.risk = .medium
        seen.append(next()!); attempt.consent = false
        seen.append(next()!); context.persistentBrowserSession = false
        #expect(seen == Reason.allCases)
        #expect(Self.run(attempt, context).kmsi == .shown(.abandon))
        // A hidden prompt means a session cookie, even when the script would abandon it.
        attempt.guest = true
        let hidden = Self.run(attempt, context)
        #expect(hidden.result == .granted && hidden.session == .sessionCookie && hidden.errorCode == nil)
    }

    @Test("steps are recorded in the order of SPEC §8.3")
    func stepOrder() throws {
        let context = SignInContext(policy: try Self.policy())
        let full = Self.run(Self.attempt(), context)
        #expect(full.steps.map(\.step) == SignInDecision.Step.Name.allCases)
        let bypassed = Self.run(Self.attempt(Self.inside), context)
        #expect(bypassed.steps.map(\.step) == SignInDecision.Step.Name.allCases)
    }
}
