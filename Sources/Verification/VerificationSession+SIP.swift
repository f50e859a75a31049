import Cryptography
import Foundation
import VoiceCall

/// The SIP trunk password at rest (SPEC §15: "a secret, encrypted at rest like §9").
///
/// `ivr settings set sip.password TEXT` stores an AES-256-GCM box under the same key file as token
/// secrets (``secretKeyFile``), written as `sealed:v1:<hex>` in the settings; the database never
/// holds the password, and `settings show` prints `(set)`. `sipPassword()` opens it for a call.
extension VerificationSession {
    static let sealedPrefix = "sealed:v1:"

    /// The associated data of the box: it only opens as this setting.
    private static let passwordContext = Array("ivr setting sip.password v1".utf8)

    /// The text to store for `sip.password`: `none` as given, anything else sealed.
    func sealedSIPPassword(_ value: String) throws -> String {
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.lowercased() != "none" else { return value }
        let key = try secretKeyFile.loadOrCreate()
        let box = try AESGCM.seal(Array(text.utf8), key: key, authenticating: Self.passwordContext)
        return Self.sealedPrefix + Hex.encode(box)
    }

    /// The trunk password in clear for the SIP stack, `nil` when none is set.
    /// - Throws: `InvalidInput`-style errors when the key file is missing or the box does not open.
    public func sipPassword() throws -> String? {
        guard let stored = try settings().sipPassword else { return nil }
        guard stored.hasPrefix(Self.sealedPrefix), let box = Hex.decode(String(stored.dropFirst(Self.sealedPrefix.count))) else {
            throw SIPSecretError(message: "sip.password is not stored sealed; set it again with 'ivr settings set sip.password'")
        }
        guard let key = try secretKeyFile.load() else {
            throw SIPSecretError(message: "sip.password cannot be opened: the secret key file \(secretKeyFile.url.path) is missing")
        }
        do {
            return String(decoding: try AESGCM.open(box, key: key, authenticating: Self.passwordContext), as: UTF8.self)
        } catch {
            throw SIPSecretError(message: "sip.password cannot be opened with the key in \(secretKeyFile.url.path); set it again")
        }
    }
}

/// The stored SIP password cannot be used; the message never contains it.
public struct SIPSecretError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
