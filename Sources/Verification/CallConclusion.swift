import Foundation
import VerificationStore
import VoiceCall

/// What the engine concluded from one call: the report and what the store wrote.
public struct CallConclusion: Sendable {
    public var report: CallReport
    public var recorded: RecordedCall
}
