import VerificationStore
import VoiceCall

/// The settings only the server reads: callback hosts and toll-fraud throttles (SPEC §16).
/// Read from the store at each request, so `ivr settings set` beside a running server takes
/// effect at the next request.
struct ServerSettings: Sendable {
    var callbackHosts: CallbackHosts = .none
    var throttle = VerificationThrottle(perNumber: 5, perUser: 10)

    init(_ settings: Settings) {
        // Filled from `api.callback-hosts`, `throttle.calls-per-number` and
        // `throttle.calls-per-user` once the settings table carries them.
    }
}
