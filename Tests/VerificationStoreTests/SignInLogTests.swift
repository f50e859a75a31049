import Foundation
import Testing
import VoiceCall
@testable import VerificationStore

@Suite struct SignInLogTests {
    @Test("The prompts column holds exactly what JSONEncoder with sorted keys writes, and reads back the same")
    func promptsColumnIsTheEncodersText() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let languages = try ["en-US", "fr-CA", "de", "zh-Hant-TW", "ja-JP", "es-419"].map { try LanguageTag($0) }
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 18] {
            for _ in 0..<20 {
                let prompts = (0..<count).map { _ in
                    SignInRecord.Prompt(
                        type: MessageType.allCases.randomElement(using: &generator)!, language: languages.randomElement(using: &generator)!,
                        source: Bool.random(using: &generator) ? .custom : .default)
                }
                let column = try VerificationStore.promptsColumn(prompts)
                #expect(column == String(decoding: try encoder.encode(prompts), as: UTF8.self))
                #expect(try JSONDecoder().decode([SignInRecord.Prompt].self, from: Data(column.utf8)) == prompts)
            }
        }
    }

    @Test func recordsComeBackInRecordingOrderWithEveryField() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            var first = signIn("alice@contoso.com", at: minutes(5), result: .verified, detail: .completed)
            first.prompts = [
                .init(type: .greetingPIN, language: try LanguageTag("de-DE"), source: .custom),
                .init(type: .authenticationSuccessful, language: .englishUS, source: .default),
            ]
            let second = signIn("bob@contoso.com", at: minutes(1), result: .blocked, detail: .userBlocked)  // earlier time, later record
            var third = signIn("alice@contoso.com", at: minutes(6), result: .notAnswered, detail: .notAnswered)
            third.callerID = nil
            third.prompts = []
            for record in [first, second, third] {
                try store.recordCall(CallOutcomeRecord(signIn: record, user: nil))
            }
            #expect(try store.signInLog() == [first, second, third])
            #expect(try store.signInLog(user: "ALICE@contoso.com") == [first, third])
            #expect(try store.signInLog(limit: 2) == [second, third])
            #expect(try store.signInLog(user: "alice@contoso.com", limit: 1) == [third])
            #expect(try store.signInLog(user: "nobody@contoso.com").isEmpty)
            #expect(try store.signInCount() == 3)
        }
    }

    @Test func blockedCallsAreLoggedToo() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let record = signIn("alice@contoso.com", at: t0, result: .blocked, detail: .userBlocked)
            try store.recordCall(CallOutcomeRecord(signIn: record, user: user("alice@contoso.com")))
            #expect(try store.signInLog().first?.detail == .userBlocked)
        }
    }
}
