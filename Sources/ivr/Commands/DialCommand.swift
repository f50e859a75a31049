import CallScript
import Foundation
import SIPChannel
import Verification
import VoiceCall

/// `ivr dial USER --phone NUMBER [--method standard|pin] [--language TAG] [--activation]`: places one
/// live call through the SIP trunk of `sip.trunk` and records it like a simulated call (SPEC §15).
///
/// Exit 0 whenever the call ran, whatever its result; 1 when no trunk is configured or the
/// arguments are invalid. Until the users directory lands, the number comes from `--phone` and a
/// PIN call cannot be placed (there is no stored PIN to check against).
enum DialCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["phone", "method", "language"], in: "dial")
        guard let user = args.next() else { throw CLIError.usage("'dial' needs a user name") }
        try args.noMoreWords(in: "dial")
        let method: VerificationMethod
        switch args.options["method"] ?? "standard" {
        case "standard": method = .standard
        case "pin": throw CLIError.invalidInput("--method pin: no PIN is stored for \(user) (a PIN call needs the users directory's PIN)")
        case let other: throw CLIError.invalidInput("--method: '\(other)' is not standard or pin")
        }
        guard let phone = args.options["phone"] else {
            throw CLIError.invalidInput("dial: \(user) has no registered number; give --phone NUMBER")
        }
        let service = try StateDirectory.service(args)
        let settings = try service.store.loadSettings()
        let configuration: SIPConfiguration
        do {
            guard let configured = try SIPConfiguration(settings: settings) else {
                throw CLIError.invalidInput("dial: no SIP trunk is configured; set one with 'ivr settings set sip.trunk sip:HOST[:PORT]'")
            }
            configuration = configured
        } catch let error as SIPSettingError {
            throw CLIError.invalidInput("dial: \(error)")
        }
        let call: LiveCallPreparation
        do {
            call = try service.prepareLiveCall(
                user: user, phone: phone, method: method, language: args.options["language"] ?? "en-US",
                activation: args.flags.contains("activation"))
        } catch let error as LiveCallError {
            throw CLIError.invalidInput("dial: \(error)")
        }

        let result: LiveCallResult
        if call.placesCall, let number = call.e164 {
            let phoneLine: SIPPhone
            do { phoneLine = try SIPPhone(configuration) } catch {
                throw CLIError.failure("dial: \(error)")
            }
            defer { phoneLine.close() }
            let prompts = call.prompts
            let sound = ToneSamples { prompts[$0.ordinal].durationSeconds }
            let request = try LiveCallRequest(plan: call.plan, number: number, callerID: call.callerID, source: sound)
            let live = phoneLine.call(request)
            if let failure = live.failure { Output.error("dial: \(failure)") }
            result = LiveCallResult(
                outcome: .init(result: live.result, detail: live.detail, transcript: live.transcript, duration: live.duration),
                sipCallId: live.sipCallId, sipStatus: live.sipStatus)
        } else {
            // Refused before dialling (blocked, locked out, invalid number): the machine decides alone.
            let refused = CallSimulator(plan: call.plan) { _ in 0 }.run([])
            result = LiveCallResult(outcome: refused, sipCallId: nil, sipStatus: nil)
        }
        let report = try service.recordLiveCall(call, result)
        if args.json { Output.json(report) } else { CallCommand.print(report) }
        return 0
    }
}
