import Foundation
import VoiceCall
@testable import VerificationStore

/// Runs `body` with a fresh state directory under the system temp dir, removed afterwards.
func withStateDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("ivr-store-tests-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// A fixed instant far from any DST or epoch edge: 2026-11-25T10:00:00Z.
let t0 = Date(timeIntervalSince1970: 1_795_600_800)

func minutes(_ m: Double) -> Date { t0.addingTimeInterval(m * 60) }
func days(_ d: Double) -> Date { t0.addingTimeInterval(d * 86_400) }

func user(_ text: String) -> UserName { try! UserName(text) }

/// A sign-in record with the given outcome; the rest is plausible filler.
func signIn(_ who: String, at time: Date, result: CallResult, detail: ResultDetail) -> SignInRecord {
    SignInRecord(
        time: time, user: who, maskedNumber: "+1 XXXXXXX0100", method: .pin, callerID: "+18665394191",
        language: .englishUS,
        prompts: [SignInRecord.Prompt(type: .greetingPIN, language: .englishUS, source: .default)],
        result: result, detail: detail)
}

/// A PIN call that ended with `wrong` wrong PINs one second apart from `time`.
func wrongPINCall(_ who: String, at time: Date, wrong: Int = 1) -> CallOutcomeRecord {
    CallOutcomeRecord(
        signIn: signIn(who, at: time, result: .denied, detail: .invalidPIN), user: user(who),
        denialTimes: (0..<wrong).map { time.addingTimeInterval(Double($0 + 1)) })
}

func verifiedCall(_ who: String, at time: Date) -> CallOutcomeRecord {
    CallOutcomeRecord(signIn: signIn(who, at: time, result: .verified, detail: .completed), user: user(who), verified: true)
}
