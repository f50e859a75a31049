import CallScript
import Foundation
import VoiceCall

/// A `POST /v1/signins` body turned into the `.signin` script the engine runs (SPEC §8.2), so the
/// API and `ivr signin` share one parser and one pipeline and no rule is written twice.
///
/// Each field becomes one line the server writes itself: a value must be one word (no spaces,
/// line breaks or `#`), so no field can smuggle in another line. The parser's refusals name the
/// line, and each line is mapped back to the field it came from (422 naming the field).
struct SignInOrder {
    /// The script text and, for each of its lines, the field it came from.
    private(set) var lines: [(text: String, field: String)] = []

    /// The name a sign-in from the API carries in its report's `file` key.
    static let file = "request"

    init(_ body: SignInRequestBody) throws(APIError) {
        try add("user", body.user)
        if let at = body.at { try add("at", at) }
        try add("ip", body.ip)
        if let client = body.client { try add("client", client) }
        if let browser = body.browser { try add("browser", browser) }
        if let factor = body.firstFactor { try add("firstFactor", factor, keyword: "first-factor") }
        if let claim = body.claim { try add("claim", claim) }
        if body.guest == true { lines.append(("guest", "guest")) }
        if let risk = body.risk { try add("risk", risk) }
        if body.consent == true { lines.append(("consent", "consent")) }
        if body.appPassword == true { lines.append(("app-password", "appPassword")) }
        if let method = body.method { try add("method", method) }
        if body.remember == true { lines.append(("remember", "remember")) }
        if let answer = body.staySignedIn { try add("staySignedIn", answer, keyword: "stay-signed-in") }
        if let codes = body.code {
            guard !codes.tries.isEmpty else { throw .unprocessable("code: give at least one code, or leave the field out") }
            for word in codes.tries { try Self.checkWord(word, field: "code") }
            lines.append(("code " + codes.tries.joined(separator: " "), "code"))
        }
        if let answer = body.notification {
            guard ["approve", "deny", "ignore"].contains(answer) else {
                throw .unprocessable("notification: must be approve, deny or ignore; got '\(answer.prefix(40))'")
            }
            lines.append((answer, "notification"))
        }
        if let call = body.call { try addCall(call) }
    }

    /// The script as the parser reads it.
    var text: String { lines.map(\.text).joined(separator: "\n") + "\n" }

    /// The parser's (or the engine's) refusal, as a 422 naming the field its line came from.
    func refusal(_ error: CallScriptError) -> APIError {
        guard let line = error.line, lines.indices.contains(line - 1) else { return .unprocessable("request: \(error.message)") }
        return .unprocessable("\(lines[line - 1].field): \(error.message)")
    }

    private mutating func add(_ field: String, _ value: String, keyword: String? = nil) throws(APIError) {
        try Self.checkWord(value, field: field)
        lines.append(("\(keyword ?? field) \(value)", field))
    }

    /// The `call` block: its header lines from the object's fields, then the action lines, each
    /// indented under `call`. Action lines only: `user` and `at` belong to the sign-in.
    private mutating func addCall(_ call: SignInRequestBody.CallPart) throws(APIError) {
        lines.append(("call", "call"))
        let actions: String
        switch call {
        case .actions(let text):
            actions = text
        case .detailed(let phone, let method, let language, let activation, let script):
            if let phone {
                guard !phone.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }), !phone.contains("#") else {
                    throw .unprocessable("call.phone: control characters, line breaks and '#' are not allowed")
                }
                lines.append(("  phone \(phone)", "call.phone"))
            }
            if let method {
                try Self.checkWord(method, field: "call.method")
                lines.append(("  method \(method)", "call.method"))
            }
            if let language {
                try Self.checkWord(language, field: "call.language")
                lines.append(("  language \(language)", "call.language"))
            }
            if activation { lines.append(("  activation", "call.activation")) }
            actions = script
        }
        var index = 0
        for line in actions.split(separator: "\n", omittingEmptySubsequences: false) {
            index += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let word = trimmed.split(separator: " ").first, !trimmed.hasPrefix("#") else { continue }
            guard VerificationOrder.actionWords.contains(String(word)) else {
                throw .unprocessable("call line \(index): '\(word.prefix(40))' is not an action; the call holds action lines only (\(VerificationOrder.actionWords.sorted().joined(separator: ", ")))")
            }
            lines.append(("  " + trimmed, "call line \(index)"))
        }
    }

    /// A value the server writes after a keyword must be one word of printable text.
    private static func checkWord(_ value: String, field: String) throws(APIError) {
        guard !value.isEmpty else { throw .unprocessable("\(field): empty") }
        guard !value.unicodeScalars.contains(where: {
            CharacterSet.whitespacesAndNewlines.contains($0) || CharacterSet.controlCharacters.contains($0) || $0 == "#"
        }) else {
            throw .unprocessable("\(field): one word without spaces, line breaks or '#'")
        }
    }
}
