import VerificationStore
import VoiceCall

/// The settings only the server reads: callback hosts and toll-fraud throttles (SPEC §16).
/// Read from the store at each request, so `ivr settings set` beside a running server takes
/// effect at the next request.
struct ServerSettings: Sendable {
    var callbackHosts: CallbackHosts
    var throttle: VerificationThrottle
    /// Whether `sip.trunk` is set: verifications without a script then run over SIP.
    var hasSIPTrunk: Bool

    init(_ settings: Settings) {
        callbackHosts = CallbackHosts(hosts: settings.apiCallbackHosts)
        throttle = VerificationThrottle(perNumber: settings.throttleCallsPerNumber, perUser: settings.throttleCallsPerUser)
        hasSIPTrunk = settings.sipTrunk != nil
    }
}
