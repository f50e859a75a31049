import Foundation
import VerificationStore

/// A verification as `GET /v1/verifications/{id}` and callbacks show it (SPEC §16). Every key is
/// always present: what is not known yet (`result` while queued, `endedAt`) is an explicit null.
struct VerificationView: Encodable {
    var record: VerificationRecord

    private enum Keys: String, CodingKey {
        case id, status, user, result, detail, callerId, prompts, digitsSent, notifications, sipCallId, sipStatus, createdAt, endedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.status.rawValue, forKey: .status)
        try container.encode(record.user, forKey: .user)
        try container.encode(record.outcome?.result, forKey: .result)
        try container.encode(record.outcome?.detail, forKey: .detail)
        try container.encode(record.outcome?.callerId, forKey: .callerId)
        try container.encode(record.outcome?.prompts ?? [], forKey: .prompts)
        try container.encode(record.outcome?.digitsSent ?? "", forKey: .digitsSent)
        try container.encode(record.outcome?.notifications ?? 0, forKey: .notifications)
        // A live call's SIP Call-ID and final status (SPEC §15), null for a simulated one.
        try container.encode(record.outcome?.sipCallId, forKey: .sipCallId)
        try container.encode(record.outcome?.sipStatus, forKey: .sipStatus)
        try container.encode(record.createdAt, forKey: .createdAt)
        try container.encode(record.endedAt, forKey: .endedAt)
    }
}
