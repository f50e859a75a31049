import Foundation
import VerificationStore

/// API keys (SPEC §16): made here, checked here. A key reads `ivr_<id>_<secret>`: the id (16 hex
/// digits) finds the stored record without searching, and only the SHA-256 of the secret (64 hex
/// digits, 256 random bits) is stored, compared in constant time.
public enum APIKeys {
    /// A new key: the record to store and the key to show once.
    public static func make(name: String, role: APIRole, at time: Date) throws -> (record: APIKeyRecord, key: String) {
        let id = try KeyDigest.randomHex(bytes: 8)
        let secret = try KeyDigest.randomHex(bytes: 32)
        let record = APIKeyRecord(id: id, name: name, role: role, secretSHA256: KeyDigest.sha256Hex(secret), createdAt: time)
        return (record, "ivr_\(id)_\(secret)")
    }

    /// The id and secret of a presented key, `nil` when it is not shaped like one.
    static func parts(of key: String) -> (id: String, secret: String)? {
        let pieces = key.split(separator: "_", omittingEmptySubsequences: false)
        // Bytes, not Characters: this runs on every request, and grapheme breaking is costly.
        guard pieces.count == 3, pieces[0] == "ivr", pieces[1].utf8.count == 16, pieces[2].utf8.count == 64,
              pieces[1].utf8.allSatisfy(isLowerHex), pieces[2].utf8.allSatisfy(isLowerHex)
        else { return nil }
        return (String(pieces[1]), String(pieces[2]))
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// Whether `key` is the unrevoked key of `record`.
    static func matches(_ key: String, _ record: APIKeyRecord) -> Bool {
        guard let parts = parts(of: key), parts.id == record.id, record.revokedAt == nil else { return false }
        return KeyDigest.equal(KeyDigest.sha256Hex(parts.secret), record.secretSHA256)
    }
}

/// Who sent a request: the key's id and role, and the key itself (kept in memory only, to sign
/// the callbacks of the verifications it creates).
struct Caller: Sendable {
    var keyID: String
    var role: APIRole
    var key: String
}
