import Foundation
import VerificationStore

/// Every resource of the API (SPEC §16), matched from a request path.
enum Route: Sendable, Equatable {
    case healthz
    case metrics
    case verifications
    case verification(id: String)
    case cancelVerification(id: String)
    case signins
    case settings
    case greetings
    case greeting(type: String, language: String)
    case userBlock(user: String)
    case log
    case outbox
    case tokensImport

    /// The route of a path, `nil` when none (404). libmicrohttpd has already percent-decoded the
    /// path (`alice%40contoso.com` arrives as `alice@contoso.com`), so it is not decoded again: a
    /// `%25` stays a literal `%`, and an encoded `/` makes an extra segment (404), never a route.
    init?(path: String) {
        let raw = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard path.hasPrefix("/"), !raw.isEmpty else { return nil }
        var parts: [String] = []
        for segment in raw {
            guard !segment.isEmpty else { return nil }
            parts.append(String(segment))
        }
        switch parts.count {
        case 1:
            switch parts[0] {
            case "healthz": self = .healthz
            case "metrics": self = .metrics
            default: return nil
            }
        case 2 where parts[0] == "v1":
            switch parts[1] {
            case "verifications": self = .verifications
            case "signins": self = .signins
            case "settings": self = .settings
            case "greetings": self = .greetings
            case "log": self = .log
            case "outbox": self = .outbox
            default: return nil
            }
        case 3 where parts[0] == "v1" && parts[1] == "verifications":
            self = .verification(id: parts[2])
        case 3 where parts[0] == "v1" && parts[1] == "tokens" && parts[2] == "import":
            self = .tokensImport
        case 4 where parts[0] == "v1" && parts[1] == "verifications" && parts[3] == "cancel":
            self = .cancelVerification(id: parts[2])
        case 4 where parts[0] == "v1" && parts[1] == "greetings":
            self = .greeting(type: parts[2], language: parts[3])
        case 4 where parts[0] == "v1" && parts[1] == "users" && parts[3] == "block":
            self = .userBlock(user: parts[2])
        default:
            return nil
        }
    }

    /// The methods this resource answers (405 with `Allow` for the others).
    var methods: [String] {
        switch self {
        case .healthz, .metrics, .verification, .greetings, .log, .outbox: ["GET"]
        case .verifications, .cancelVerification, .signins, .tokensImport: ["POST"]
        case .settings: ["GET", "PATCH"]
        case .greeting: ["PUT", "DELETE"]
        case .userBlock: ["POST", "DELETE"]
        }
    }

    /// The role a key needs; `nil` for the open probes (`/healthz`, `/metrics`).
    var role: APIRole? {
        switch self {
        case .healthz, .metrics: nil
        case .verifications, .verification, .cancelVerification, .signins: .integrator
        case .settings, .greetings, .greeting, .userBlock, .log, .outbox, .tokensImport: .admin
        }
    }

    /// The body a method on this resource carries, for the `Content-Type` check (415).
    func bodyKind(_ method: String) -> BodyKind {
        switch (self, method) {
        case (.verifications, "POST"), (.signins, "POST"), (.settings, "PATCH"): .json
        case (.userBlock, "POST"): .optionalJSON
        case (.greeting, "PUT"): .audio
        case (.tokensImport, "POST"): .csv
        default: .none
        }
    }

    /// A short stable label for metrics (ids left out so the label set stays small).
    var label: String {
        switch self {
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .verifications: "/v1/verifications"
        case .verification: "/v1/verifications/{id}"
        case .cancelVerification: "/v1/verifications/{id}/cancel"
        case .signins: "/v1/signins"
        case .settings: "/v1/settings"
        case .greetings: "/v1/greetings"
        case .greeting: "/v1/greetings/{type}/{language}"
        case .userBlock: "/v1/users/{user}/block"
        case .log: "/v1/log"
        case .outbox: "/v1/outbox"
        case .tokensImport: "/v1/tokens/import"
        }
    }
}

/// What a request body must be.
enum BodyKind: Sendable {
    case none
    case json
    /// JSON when there is a body at all (`POST /v1/users/{user}/block` may carry a reason).
    case optionalJSON
    case audio
    case csv
}
