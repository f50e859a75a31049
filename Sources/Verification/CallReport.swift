import Foundation
import VoiceCall

/// What one verification call did, typed until a renderer writes it: ``json`` (the documented
/// contract of `ivr call --json`, see the README's "JSON output") or the CLI's human transcript.
public struct CallReport: Sendable {
    /// The script (or other origin) the call came from; `""` when there is none.
    public var file: String
    public var user: UserName
    /// The number called, masked but for its last two digits, or `invalid`.
    public var number: String
    public var method: VerificationMethod
    public var startedAt: Date
    public var result: CallResult
    public var detail: ResultDetail
    /// The caller ID the call came from; `nil` when no call was placed.
    public var callerID: String?
    /// The prompts played, in order.
    public var prompts: [ResolvedPrompt]
    /// The keys sent to reach an extension (`""` when none).
    public var digitsSent: String
    /// Fraud notifications queued.
    public var notifications: Int
    /// Seconds from the request to the end of the call.
    public var durationSeconds: Double
    /// The channel's timeline.
    public var transcript: [TranscriptEntry]
    /// Every prompt of the call, for transcript lines that name a type.
    public var promptSet: PromptSet
    /// Live calls only (`ivr dial`, SPEC §15): the INVITE's Call-ID, and the final SIP status of a
    /// call that was not answered. A report with a Call-ID adds both to its JSON.
    public var sipCallId: String? = nil
    public var sipStatus: Int? = nil
}
