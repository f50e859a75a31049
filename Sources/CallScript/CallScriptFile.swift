import Foundation
import VoiceCall

/// A parsed `.call` script: the verification request (header lines) and the caller's actions.
///
/// Values are as written, checked for shape only: the phone number and the language are kept as raw
/// text because judging them is the engine's business (a bad number is the call result
/// `invalid_request`, not a parse error); the line numbers let those later checks name the line.
public struct CallScriptFile: Sendable, Equatable {
    /// The path or name used in error messages (`Samples/calls/confirm.call`).
    public var file: String
    /// The user being verified, shaped `user@domain`.
    public var user: String
    /// The line of the `user` header.
    public var userLine: Int
    /// The number to call as written (words joined by one space), extension included:
    /// `+1 425 555 0100 x1234`.
    public var phone: String
    /// The line of the `phone` header.
    public var phoneLine: Int
    /// `standard` unless the script says `method pin`.
    public var method: VerificationMethod.Name
    /// The user's registered PIN (4–8 digits); present exactly when `method` is `pin`.
    /// Never print it.
    public var pin: String?
    /// The raw `Accept-Language` value or BCP 47 tag (words joined by one space), or `nil` for the
    /// default (`en-US`).
    public var language: String?
    /// The line of the `language` header, when there is one.
    public var languageLine: Int?
    /// `.activation` when the script says `activation` (a phone-registration call), else `.signIn`.
    public var kind: CallKind
    /// When the call starts (`at`), or `nil` for "now".
    public var startTime: Date?
    /// The caller's actions in order; the first is always an answer or `no-answer`.
    public var actions: [CallerAction]

    public init(
        file: String,
        user: String,
        userLine: Int,
        phone: String,
        phoneLine: Int,
        method: VerificationMethod.Name = .standard,
        pin: String? = nil,
        language: String? = nil,
        languageLine: Int? = nil,
        kind: CallKind = .signIn,
        startTime: Date? = nil,
        actions: [CallerAction]
    ) {
        self.file = file
        self.user = user
        self.userLine = userLine
        self.phone = phone
        self.phoneLine = phoneLine
        self.method = method
        self.pin = pin
        self.language = language
        self.languageLine = languageLine
        self.kind = kind
        self.startTime = startTime
        self.actions = actions
    }
}
