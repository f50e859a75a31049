import CallScript
import Foundation
import Verification
import VoiceCall

/// A `POST /v1/verifications` body turned into the call the engine runs: every field checked,
/// each refusal a 422 naming the field (or the script's line).
///
/// With a `script`, the call is simulated and the order is written as a `.call` script: the header
/// lines come from the checked fields (never from the client's text, so no field can smuggle in
/// another header line), then the client's action lines. Without one, and with `sip.trunk` set, the
/// checked fields make the request of a live call over SIP.
struct VerificationOrder: Sendable {
    var user: UserName
    /// `nil` when the number cannot be parsed: the call then ends `invalid_request` (SPEC §2).
    var phone: PhoneNumber?
    /// Who answers: a simulated callee acting out the script, or the phone over the SIP trunk.
    var callee: Callee
    var callbackURL: URL?
    /// The request's fields other than the script, for the record.
    var summary: [String: String]

    /// Where a verification's call goes (SPEC §16).
    enum Callee: Sendable {
        /// The engine's request and the simulated callee's actions (a `script` was given).
        case simulated(ScriptedCall)
        /// A live call over the configured SIP trunk (no `script`, `sip.trunk` set).
        case sip(VerificationRequest)
    }

    /// The words that start an action line (SPEC §11).
    static let actionWords: Set<String> = ["answer", "no-answer", "listen", "wait", "press", "hangup"]

    /// - Parameters:
    ///   - directory: the users directory (SPEC §8.1): a registered user's number and method fill
    ///     what the body leaves out, as in `ivr call`.
    ///   - directoryPIN: turns the script into a call; a `method pin` call checks entries against the directory's hash.
    ///   - sipTrunk: whether `sip.trunk` is set: a body without `script` is then a live call.
    ///   - pinCheck: a registered user's PIN check for a live `pin` call: a verifier over the
    ///     directory's hash (the PIN itself is never known here), `nil` when none is stored.
    init(
        _ body: VerificationRequestBody, callbackHosts: CallbackHosts, sipTrunk: Bool = false, directory: (String) -> RegisteredCallee? = { _ in nil },
        directoryPIN: (CallScriptFile) throws -> ScriptedCall = { try ScriptedCall($0) },
        pinCheck: (String) throws -> PINCheck? = { _ in nil }
    ) throws(APIError) {
        do {
            user = try UserName(body.user)
        } catch {
            throw .unprocessable("user: \(error)")
        }
        let registered = directory(user.value)
        if let phoneText = body.phone {
            guard !phoneText.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
                throw .unprocessable("phone: control characters and line breaks are not allowed")
            }
            phone = try? PhoneNumber(parsing: phoneText)
        } else if let registered {
            phone = try? PhoneNumber(parsing: registered.phone)
        } else {
            throw .unprocessable("phone: required: \(user) is not in the users directory (ivr users add), so the body must give the number")
        }

        let method = body.method ?? registered?.method.rawValue ?? "standard"
        switch method {
        case "standard": break
        case "pin":
            guard registered?.hasPIN == true else {
                throw .unprocessable("method: 'pin' needs \(user)'s PIN in the users directory (ivr users add --method pin, then ivr users set-pin)")
            }
        default:
            throw .unprocessable("method: '\(method)' is not a method; expected standard or pin")
        }
        let language = body.language ?? "en-US"
        let languages: LanguagePreference
        do {
            languages = try LanguagePreference(parsing: language)
        } catch {
            throw .unprocessable("language: \(error)")
        }
        guard !language.contains("\n"), !language.contains("#") else { throw .unprocessable("language: not an Accept-Language value") }

        if let text = body.callbackUrl {
            callbackURL = try callbackHosts.check(text)
        }
        summary = ["user": user.value, "number": phone?.masked ?? "invalid", "method": method, "language": language,
                   "activation": body.activation == true ? "true" : "false"]
        guard let actions = body.script else {
            guard sipTrunk else {
                throw .unprocessable("script: required: no SIP trunk is configured, so the call runs against a simulated callee whose actions the script gives (answer, listen, press #, …)")
            }
            // A PIN call checks each keyed entry against the directory's hash, as `ivr dial` does.
            let liveMethod: VerificationMethod
            if method == "pin" {
                let check: PINCheck?
                do {
                    check = try pinCheck(user.value)
                } catch {
                    throw .internalError("the users directory could not be read: \(error)")
                }
                guard let check else {
                    throw .unprocessable("method: 'pin' needs \(user)'s PIN in the users directory (ivr users set-pin)")
                }
                liveMethod = .pin(check)
            } else {
                liveMethod = .standard
            }
            callee = .sip(VerificationRequest(
                user: user, number: phone, method: liveMethod, languages: languages,
                kind: body.activation == true ? .activation : .signIn))
            return
        }

        // The number as given or registered; a PIN is never sent: the engine checks the keyed
        // entries against the directory's hash during the call (`scriptedCall`).
        let number = body.phone == nil ? registered.map(\.phone) : phone.map(Self.scriptSpelling)
        var header = ["user \(user.value)", "phone \(number ?? "invalid")", "method \(method)", "language \(language)"]
        if body.activation == true { header.append("activation") }
        let offset = header.count
        for (index, line) in actions.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let word = trimmed.split(separator: " ").first, !trimmed.hasPrefix("#") else { continue }
            guard Self.actionWords.contains(String(word)) else {
                throw .unprocessable("script line \(index + 1): '\(word)' is not an action; the script holds action lines only (\(Self.actionWords.sorted().joined(separator: ", ")))")
            }
        }
        do {
            let script = try CallScriptParser.parse(header.joined(separator: "\n") + "\n" + actions, file: "script", directory: directory)
            callee = .simulated(try directoryPIN(script))
        } catch let error as CallScriptError {
            let place = error.line.map { $0 > offset ? "script line \($0 - offset)" : "request" } ?? "script"
            throw .unprocessable("\(place): \(error.message)")
        } catch {
            throw .internalError("the users directory could not be read: \(error)")
        }
    }

    /// A parsed number as a script header spells it: E.164, then ` x` and the extension.
    private static func scriptSpelling(_ phone: PhoneNumber) -> String {
        phone.extension.map { "\(phone.e164) x\($0)" } ?? phone.e164
    }
}
