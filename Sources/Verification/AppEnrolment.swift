import VerificationStore

/// An authenticator app just enrolled with `tokens add-app`: its stored record and the
/// `otpauth://` URI that carries its secret. The URI is shown once (text and QR code), never again.
public struct AppEnrolment: Sendable {
    public let record: TokenRecord
    public let uri: String
}
