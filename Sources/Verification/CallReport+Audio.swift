import CallScript
import VoiceCall

extension CallReport {
    /// The typed record of a call that its sound file is built from (SPEC §14): the transcript
    /// with its times, every prompt as resolved for this call (by `MessageType.ordinal`), and the
    /// method (a PIN call's keys are recorded as beeps).
    public struct Audio: Sendable {
        public var transcript: [TranscriptEntry]
        public var prompts: [ResolvedPrompt]
        public var method: VerificationMethod
    }

    func carrying(_ audio: Audio) -> CallReport {
        var report = self
        report.audio = audio
        return report
    }
}
