import CallScript
import Foundation
import Testing
import VerificationStore
import VoiceCall
@testable import Verification

@Suite("Engine operations behind the CLI")
struct EngineOperationsTests {
    private func runSample(_ name: String, _ session: VerificationSession) throws -> CallReport {
        try session.run(CallScriptParser.parse(contentsOf: sampleCalls.appendingPathComponent(name)))
    }

    @Test("Unblocking a user locked out at a scripted time reports the lockout it lifted, and the next scripted call is placed")
    func unblockJudgedAtTheUsersTime() throws {
        let fixture = try ServiceFixture()  // its clock is 2027-01-15, long after the scripts' 2026-11-25
        defer { fixture.remove() }
        #expect(try runSample("lockout-1-three-wrong-pins.call", fixture.service).result == .denied)
        #expect(try runSample("lockout-2-threshold-mid-call.call", fixture.service).result == .lockedOut)
        let receipt = try fixture.service.unblock(user: "Lockout@Contoso.com", reason: "verified by the helpdesk")
        #expect(receipt.user.value == "lockout@contoso.com")
        let until = try #require(receipt.lifted.lockedUntil)
        #expect(until > ISO8601DateFormatter().date(from: "2026-11-25T10:03:00Z")!)
        #expect(receipt.lifted.block == nil)
        // lockout-3 would be refused without the unblock: now a call is placed.
        #expect(try runSample("lockout-3-no-call-placed.call", fixture.service).result != .lockedOut)
        // Nothing is left to lift.
        #expect(try fixture.service.unblock(user: "lockout@contoso.com", reason: "again").lifted.liftedAnything == false)
    }

    @Test("Unblocking a fraud-blocked user reports the block; the admin's block lasts 90 days from now")
    func blockAndUnblock() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        #expect(try runSample("fraud.call", fixture.service).result == .fraudReported)
        let receipt = try fixture.service.unblock(user: "fraud@contoso.com", reason: "their own sign-in after all")
        #expect(receipt.lifted.block?.blockedBy == VerificationEngine.fraudBlocker)
        #expect(try fixture.service.blockedUsers().isEmpty)

        let blocked = try fixture.service.block(user: "eve@contoso.com", reason: "  lost phone ")
        #expect(blocked.until == fixture.service.now.addingTimeInterval(90 * 86_400))
        let list = try fixture.service.blockedUsers()
        #expect(list.map(\.user.value) == ["eve@contoso.com"])
        #expect(list.first?.reason == "lost phone" && list.first?.blockedBy == VerificationEngine.adminBlocker)
    }

    @Test("Bad user names and reasons are refused with the field named, and change nothing", arguments: [
        ("not-a-user", "lost phone", "user"), ("eve@contoso.com", "   ", "--reason"),
        ("eve@contoso.com", "line\nbreak", "--reason"), ("eve@contoso.com", String(repeating: "x", count: 501), "--reason"),
    ])
    func refusedInput(_ entry: (String, String, String)) throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let error = #expect(throws: InvalidInput.self) { try fixture.service.block(user: entry.0, reason: entry.1) }
        #expect(error?.field == entry.2)
        #expect(error?.description.contains("\n") == false)
        #expect(try fixture.service.blockedUsers().isEmpty)
    }

    @Test("Changing the fraud code names the custom fraud greetings that still speak the old one")
    func staleFraudGreetings() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let audio = fixture.directory.appendingPathComponent("g.wav")
        try Data(repeating: 1, count: 100).write(to: audio)
        try fixture.store.addGreeting(type: .fraudGreetingPIN, language: "fr-FR", sourceFile: audio, format: "wav",
                                              durationSeconds: 2, sizeBytes: 100, at: Date())
        #expect(try fixture.service.changeSetting("product-name", to: "Contoso").staleFraudGreetings.isEmpty)
        let change = try fixture.service.changeSetting("fraud.code", to: " 9* ")
        #expect(change.shown == "9*")
        #expect(change.staleFraudGreetings.map(\.type) == [.fraudGreetingPIN])
        #expect(throws: SettingsError.self) { try fixture.service.changeSetting("caller-id", to: "+1 416 555 0100") }
        #expect(try fixture.service.settings().fraudCode == "9*")
    }

    @Test("Delivering without a delivery command is refused")
    func deliverWithoutCommand() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        #expect(throws: InvalidInput.self) { try fixture.service.outbox(deliver: true) }
        #expect(try fixture.service.outbox(deliver: false).delivered == nil)
    }

    @Test("One engine value serves sessions on many threads at once")
    func engineSharedAcrossThreads() async throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let engine = fixture.engine
        let script = try CallScriptParser.parse(contentsOf: sampleCalls.appendingPathComponent("confirm.call"))
        let results = try await withThrowingTaskGroup(of: CallResult.self) { group in
            for _ in 0..<8 { group.addTask { try engine.session().run(script).result } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: .verified, count: 8))
        #expect(try fixture.service.signInLog().count == 8)
    }
}

@Suite("Hand-written JSON and timestamps match Foundation's")
struct RendererTests {
    @Test("Strings and numbers are written byte for byte as JSONEncoder writes them")
    func jsonMatchesEncoder() throws {
        struct Probe: Encodable { var s: String; var d: Double }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab/\"\\\u{0}\u{1}\u{8}\u{9}\u{a}\u{c}\u{d}\u{1f}\u{7f} é“”\u{2028}😀")
        let numbers: [Double] = [0, 39, 0.3, 22.2, 1e-5, 1e20, 1.2345678901234568e17, 0.1 + 0.2, -0.0, 29.999999999, 7.5]
        for round in 0..<500 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let number = round < numbers.count ? numbers[round] : Double.random(in: -1e6...1e6, using: &generator)
            var object = JSONObject()
            object.add("d", number)
            object.add("s", text)
            let expected = String(decoding: try encoder.encode(Probe(s: text, d: number)), as: UTF8.self)
            #expect(object.json == expected)
        }
    }

    @Test("RFC 3339 and RFC 5322 dates match Foundation's formatters, before and after 1970")
    func timestampsMatchFormatters() {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime]
        let mail = DateFormatter()
        mail.locale = Locale(identifier: "en_US_POSIX")
        mail.timeZone = TimeZone(identifier: "UTC")
        mail.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        var generator = SystemRandomNumberGenerator()
        let fixed: [Double] = [0, -1, 86_399.9, 951_782_400, 1_764_061_282.2, 4_102_444_800, -2_208_988_800]
        for round in 0..<2_000 {
            // Whole random seconds: before 1970 Foundation rounds a fractional second to the nearest
            // while an RFC 3339 timestamp (and ours) keeps the second it falls in, so the oracle
            // would disagree with itself; the fixed cases keep fractions after 1970.
            let seconds = round < fixed.count ? fixed[round] : Double.random(in: -2e9...5e9, using: &generator).rounded(.down)
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.rfc3339(date) == iso.string(from: date), "\(seconds)")
            #expect(Timestamp.rfc5322(date) == mail.string(from: date), "\(seconds)")
        }
    }
}
