import CallScript
import Foundation
import VoiceCall

/// A `.call` script turned into what the engine takes: a ``VerificationRequest`` (the header) and
/// a ``SimulatedChannel`` (the caller's actions).
///
/// A header value the script gets wrong (user name, language) is a `CallScriptError` naming the
/// line, so the CLI exits 1 and nothing is recorded; an unparsable *number*, by contrast, is a call
/// result (`invalid_request`), as SPEC §2 wants.
public struct ScriptedCall: Sendable {
    /// The script's name for reports.
    public var file: String
    public var request: VerificationRequest
    public var channel: SimulatedChannel

    /// - Parameter pin: how a `method pin` call checks entries; the script's `pin` line when `nil`.
    public init(_ script: CallScriptFile, pin: PINCheck? = nil) throws(CallScriptError) {
        let user: UserName
        do {
            user = try UserName(script.user)
        } catch {
            throw CallScriptError(file: script.file, line: script.userLine, message: "\(error)")
        }
        let languages: LanguagePreference
        do {
            languages = try script.language.map { try LanguagePreference(parsing: $0) } ?? Self.defaultLanguages.get()
        } catch {
            throw CallScriptError(file: script.file, line: script.languageLine, message: "\(error)")
        }
        let method: VerificationMethod
        switch script.method {
        case .standard: method = .standard
        case .pin: method = .pin(pin ?? PINCheck(script.pin ?? ""))
        }
        self.file = script.file
        self.request = VerificationRequest(
            user: user, number: try? PhoneNumber(parsing: script.phone), method: method, languages: languages,
            kind: script.kind, startTime: script.startTime)
        self.channel = SimulatedChannel(actions: script.actions)
    }

    /// A script without a `language` line: `en-US`, parsed once for every such script of a batch.
    private static let defaultLanguages = Result { try LanguagePreference(parsing: "en-US") }
}
