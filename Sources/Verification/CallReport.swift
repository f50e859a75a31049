import CallScript
import Foundation
import VoiceCall

/// What one verification call did, as `ivr call` prints it. The JSON form (one object per call,
/// keys sorted) is a documented contract: see the README's "JSON output" section.
public struct CallReport: Sendable, Encodable {
    public struct Prompt: Sendable, Encodable, Equatable {
        public var type: String
        public var language: String
        public var source: String
    }

    /// One transcript line. Fields that do not apply to an event are left out.
    public struct Line: Sendable, Encodable, Equatable {
        public var time: Double
        public var actor: String
        public var event: String
        public var type: String?
        public var language: String?
        public var source: String?
        public var text: String?
        public var key: String?
        public var handling: String?
        public var timer: String?
        public var seconds: Double?
        public var digits: String?
        public var verdict: String?
        public var result: String?
        public var detail: String?
        public var line: Int?
        public var action: String?
    }

    public var file: String
    public var user: String
    /// The number called, masked but for its last two digits (`null`-free: "invalid" when unparsable).
    public var number: String
    public var method: String
    public var startedAt: Date
    public var result: String
    public var detail: String
    /// The caller ID the call came from; `nil` when no call was placed.
    public var callerId: String?
    public var prompts: [Prompt]
    public var digitsSent: String
    public var notifications: Int
    public var durationSeconds: Double
    public var transcript: [Line]
    /// Live calls only (`ivr dial`): the INVITE's Call-ID, and the SIP status of a call that was not
    /// answered. Left out of the JSON of simulated calls.
    public var sipCallId: String? = nil
    public var sipStatus: Int? = nil

    private enum CodingKeys: String, CodingKey {
        case file, user, number, method, startedAt, result, detail, callerId, prompts, digitsSent, notifications
        case durationSeconds, transcript, sipCallId, sipStatus
    }

    /// Every key is always present: `callerId` is an explicit `null` when no call was placed, so a
    /// consumer can tell "no caller ID" from "old format".
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(user, forKey: .user)
        try container.encode(number, forKey: .number)
        try container.encode(method, forKey: .method)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(result, forKey: .result)
        try container.encode(detail, forKey: .detail)
        try container.encode(callerId, forKey: .callerId)
        try container.encode(prompts, forKey: .prompts)
        try container.encode(digitsSent, forKey: .digitsSent)
        try container.encode(notifications, forKey: .notifications)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encode(transcript, forKey: .transcript)
        if let sipCallId {
            try container.encode(sipCallId, forKey: .sipCallId)
            try container.encode(sipStatus, forKey: .sipStatus)
        }
    }
}
