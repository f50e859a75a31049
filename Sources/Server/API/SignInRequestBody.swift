import Foundation

/// The body of `POST /v1/signins`, as sent: the keys of a `.signin` script (SPEC §8.2) in the
/// API's camelCase (`firstFactor`, `appPassword`, `staySignedIn`, like `callbackUrl`), flags as
/// `true`/`false`, and what the person does for the method. Checked by `SignInOrder`.
struct SignInRequestBody: Decodable, KnownFields {
    var user: String
    /// RFC 3339; the server's clock when left out.
    var at: String?
    var ip: String
    var client: String?
    var browser: String?
    var firstFactor: String?
    /// The one claim the pipeline knows: `inside-corporate-network`.
    var claim: String?
    var guest: Bool?
    var risk: String?
    var consent: Bool?
    var appPassword: Bool?
    var method: String?
    var remember: Bool?
    var staySignedIn: String?
    /// For `method: call`: what the callee does.
    var call: CallPart?
    /// For `text` and `app-code`: the code typed, `sent`, or several tries in order.
    var code: Codes?
    /// For `app-notification`: `approve`, `deny` or `ignore`.
    var notification: String?

    static let knownFields: Set<String> = [
        "user", "at", "ip", "client", "browser", "firstFactor", "claim", "guest", "risk", "consent", "appPassword", "method",
        "remember", "staySignedIn", "call", "code", "notification",
    ]

    /// The callee of a sign-in's call: the action lines of a `.call` script as one string, or an
    /// object that may also override the directory's number, method and language, or make it an
    /// activation call. Never a PIN: a `method pin` call checks the directory's PIN hash.
    enum CallPart: Decodable {
        case actions(String)
        case detailed(phone: String?, method: String?, language: String?, activation: Bool, script: String)

        static let knownFields: Set<String> = ["phone", "method", "language", "activation", "script"]

        private struct Field: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self = .actions(text)
                return
            }
            let object = try decoder.container(keyedBy: Field.self)
            for key in object.allKeys where !Self.knownFields.contains(key.stringValue) {
                throw APIError.unknownField("call.\(key.stringValue)", allowed: Self.knownFields.map { "call.\($0)" })
            }
            self = .detailed(
                phone: try object.decodeIfPresent(String.self, forKey: Field(stringValue: "phone")),
                method: try object.decodeIfPresent(String.self, forKey: Field(stringValue: "method")),
                language: try object.decodeIfPresent(String.self, forKey: Field(stringValue: "language")),
                activation: try object.decodeIfPresent(Bool.self, forKey: Field(stringValue: "activation")) ?? false,
                script: try object.decode(String.self, forKey: Field(stringValue: "script")))
        }
    }

    /// One code (`"123456"`, `"sent"`) or several tries in order (`["111111", "sent"]`).
    struct Codes: Decodable {
        var tries: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                tries = [one]
            } else {
                tries = try container.decode([String].self)
            }
        }
    }
}
