import Foundation

/// The body of `POST /v1/verifications` (SPEC §16), as sent. Checked by `VerificationOrder`.
struct VerificationRequestBody: Decodable, KnownFields {
    var user: String
    var phone: String?
    var method: String?
    var language: String?
    var activation: Bool?
    var callbackUrl: String?
    /// The callee's actions: the action lines of a `.call` script (SPEC §11), header lines refused.
    var script: String?

    static let knownFields: Set<String> = ["user", "phone", "method", "language", "activation", "callbackUrl", "script"]
}
