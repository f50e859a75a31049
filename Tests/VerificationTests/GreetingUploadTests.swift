import Foundation
import Testing
import VoiceCall
@testable import Verification

@Suite("Greeting uploads through the service")
struct GreetingUploadTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/greetings")

    @Test("An accepted greeting is stored with its decoded duration; a rejected one changes nothing")
    func acceptedThenRejected() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let german = try LanguageTag("de-DE")
        let accepted = try fixture.service.addGreeting(
            type: .greetingStandard, language: german, file: Self.samples.appendingPathComponent("accepted/hello.wav").path)
        let record = try #require(accepted.record)
        #expect(accepted.report.accepted)
        #expect(abs(record.durationSeconds - 5.73) < 0.01)
        let stored = try Data(contentsOf: fixture.store.greetingFileURL(record))
        #expect(stored == (try Data(contentsOf: Self.samples.appendingPathComponent("accepted/hello.wav"))))

        let rejectedPath = Self.samples.appendingPathComponent("rejected/tone-20.1s.wav").path
        let rejected = try fixture.service.addGreeting(type: .greetingStandard, language: german, file: rejectedPath)
        #expect(rejected.record == nil)
        #expect(rejected.report.file == rejectedPath)
        #expect(rejected.report.reasons.count == 1)
        #expect(try fixture.store.greetings() == [record])
    }
}
