import CallScript
import Foundation
import VoiceCall

/// A call script's header turned into checked values: the user, the number, the languages, the
/// method. A value the script gets wrong is a `CallScriptError` naming the line, so the CLI exits 1
/// and nothing is recorded; an unparsable *number*, by contrast, is a call result
/// (`invalid_request`), as SPEC §2 wants.
struct CallRequest {
    var user: UserName
    /// `nil` when the number cannot be parsed as E.164.
    var phone: PhoneNumber?
    var maskedNumber: String
    var languages: LanguagePreference
    var kind: CallKind
    var method: VerificationMethod
    var startTime: Date?
    var actions: [CallerAction]

    init(_ script: CallScriptFile) throws(CallScriptError) {
        do {
            user = try UserName(script.user)
        } catch {
            throw CallScriptError(file: script.file, line: script.userLine, message: "\(error)")
        }
        phone = try? PhoneNumber(parsing: script.phone)
        maskedNumber = phone?.masked ?? "invalid"
        do {
            languages = try LanguagePreference(parsing: script.language ?? "en-US")
        } catch {
            throw CallScriptError(file: script.file, line: script.languageLine, message: "\(error)")
        }
        kind = script.activation ? .activation : .signIn
        switch script.method {
        case .standard: method = .standard
        case .pin: method = .pin(script.pin ?? "")
        }
        startTime = script.startTime
        actions = script.actions
    }
}
