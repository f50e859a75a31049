import Foundation
import Server
import SIPChannel
import Verification
import VoiceCall

/// `ivr dial USER --phone NUMBER [--method standard|pin] [--language TAG] [--activation]`: places one
/// live call through the SIP trunk of `sip.trunk` and records it like a simulated call (SPEC §15):
/// the engine prepares and concludes it, `SIPCallChannel` runs it on the line.
///
/// Exit 0 whenever the call ran, whatever its result; 1 when no trunk is configured or an argument
/// is invalid. The number and method come from the users directory unless `--phone`/`--method` say
/// otherwise; a PIN call checks the keyed entries against the directory's PIN hash during the call.
enum DialCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["phone", "method", "language", "activation"], in: "dial")
        guard let name = args.next() else { throw CLIError.usage("'dial' needs a user name") }
        try args.noMoreWords(in: "dial")
        let user: UserName
        do { user = try UserName(name) } catch { throw CLIError.invalidInput("dial: \(error)") }
        let session = try StateDirectory.session(args)
        // The users directory (SPEC §8.1) gives the number and method; --phone and --method override.
        let registered = session.registeredCallee(user.value)
        let method: VerificationMethod
        switch args.options["method"] ?? registered?.method.rawValue ?? "standard" {
        case "standard": method = .standard
        case "pin":
            // The directory keeps only a hash of the PIN; the machine checks each entry against it.
            guard let check = try session.directoryPINCheck(user.value) else {
                throw CLIError.invalidInput("dial: \(user.value) has no PIN in the directory; set one with 'ivr users set-pin'")
            }
            method = .pin(check)
        case let other: throw CLIError.invalidInput("dial: --method: '\(other)' is not standard or pin")
        }
        guard let phone = args.options["phone"] ?? registered?.phone else {
            throw CLIError.invalidInput("dial: \(user.value) has no registered number; give --phone NUMBER")
        }
        let languages: LanguagePreference
        do { languages = try LanguagePreference(parsing: args.options["language"] ?? "en-US") } catch {
            throw CLIError.invalidInput("dial: --language: \(error)")
        }

        let configuration: SIPConfiguration
        do {
            guard var configured = try SIPConfiguration(settings: try session.settings()) else {
                throw CLIError.invalidInput("dial: no SIP trunk is configured; set one with 'ivr settings set sip.trunk sip:HOST[:PORT]'")
            }
            configured.password = try session.sipPassword()
            configuration = configured
        } catch let error as SIPSettingError {
            throw CLIError.invalidInput("dial: \(error)")
        } catch let error as SIPSecretError {
            throw CLIError.invalidInput("dial: \(error)")
        }
        let request = VerificationRequest(
            user: user, number: try? PhoneNumber(parsing: phone), method: method, languages: languages,
            kind: args.flags.contains("activation") ? .activation : .signIn)
        let line: SIPPhone
        do { line = try SIPPhone(configuration) } catch { throw CLIError.failure("dial: \(error)") }
        defer { line.close() }
        // The prompts as the engine speaks them (espeak-ng, render cache, custom greetings); a tone
        // of each prompt's length when speech is not available.
        let channel = SIPCallChannel(phone: line, voice: SpokenPrompts.voice(of: session))
        let call = try session.prepare(request)
        let outcome = try channel.run(call)
        var report = try session.conclude(call, outcome).report
        if let live = channel.lastCall {
            if let failure = live.failure { Output.error("dial: \(failure)") }
            report.sipCallId = live.sipCallId ?? ""
            report.sipStatus = live.sipStatus
        }
        if args.json { Output.line(report.json) } else { CallReportText.lines(report).forEach(Output.line) }
        MailReport.afterCalls(session.deliverMail())  // a fraud report's alert goes out as after 'ivr call'
        return 0
    }
}
