import Foundation
import SIPChannel
import Verification
import VoiceCall

/// The server's one SIP stack (SPEC §15/§16): opened at the first live call from the settings of
/// that moment, shared by every call after it, closed when the server stops after its calls drained.
final class LiveLine: @unchecked Sendable {
    private let lock = NSLock()
    private var phone: SIPPhone?

    /// The open phone, opening it now from `sip.*` settings if needed.
    /// - Throws: a `SIPChannelError`, `SIPSettingError` or `SIPSecretError` naming the setting.
    func open(with session: VerificationSession) throws -> SIPPhone {
        try lock.withLock {
            if let phone { return phone }
            guard var configuration = try SIPConfiguration(settings: try session.settings()) else {
                throw NoTrunk()
            }
            configuration.password = try session.sipPassword()
            let opened = try SIPPhone(configuration)
            phone = opened
            return opened
        }
    }

    struct NoTrunk: Error, CustomStringConvertible {
        var description: String { "sip.trunk: no SIP trunk is configured" }
    }

    /// Hangs up any call left and closes the stack. Idempotent.
    func close() {
        let closing = lock.withLock { () -> SIPPhone? in
            defer { phone = nil }
            return phone
        }
        closing?.close()
    }
}

/// A call's prompt audio from the engine's prompt speaker, as `ivr dial` plays it (SPEC §14): a
/// prompt that cannot be rendered plays as a tone of its length, so a live call never fails for
/// want of a voice. Used on the thread that runs the call, before it dials. Public because both
/// front doors that place live calls (`ivr serve` here, `ivr dial`) use this one definition.
public struct SpokenPrompts: PromptSamples, @unchecked Sendable {
    public let session: VerificationSession
    public let prompts: PromptSet

    public init(session: VerificationSession, prompts: PromptSet) {
        self.session = session
        self.prompts = prompts
    }

    public func samples(for type: MessageType) throws -> [Int16] {
        if let audio = try? session.audio(of: prompts[type]) { return audio.samples }
        return try SIPCallChannel.tone(prompts).samples(for: type)
    }

    /// A channel's voice that speaks with `session`. The closure runs on the thread that runs
    /// the call, which is the session's own, hence the unchecked hand-over.
    public static func voice(of session: VerificationSession) -> @Sendable (PromptSet) -> any PromptSamples {
        let speaking = UncheckedSession(session: session)
        return { prompts in SpokenPrompts(session: speaking.session, prompts: prompts) }
    }
}

/// The session handed to the channel's voice closure, which runs on the calling thread only.
private struct UncheckedSession: @unchecked Sendable {
    let session: VerificationSession
}
