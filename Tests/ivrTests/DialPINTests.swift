import Foundation
import LiveCallTestSupport
import Testing

/// `ivr dial` of a user whose PIN is in the users directory: the live call checks the keyed entry
/// against the stored hash, and the PIN reaches no output and no state byte.
@Suite(.serialized)
struct DialCommandPINTests {
    static let pin = "864297"

    @Test func aPINUserIsVerifiedAgainstTheDirectoryHash() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let add = IVRProcess.run(["users", "add", "alice@contoso.com", "--phone", "+1 425 555 0100", "--method", "pin"], state: state)
        try #require(add.exitCode == 0, "\(add.stderr)")
        let setPIN = IVRProcess.run(["users", "set-pin", "alice@contoso.com"], state: state, stdin: Self.pin + "\n")
        try #require(setPIN.exitCode == 0, "\(setPIN.stderr)")

        let sipp = try DialCommandTests.trunk(SippScenario.answer(keying: [Self.pin + "#"]), in: dir, state: state)
        defer { withExtendedLifetime(sipp) {} }  // sipp runs until here; SippCallee then ends it
        let ran = IVRProcess.run(["--json", "dial", "alice@contoso.com"], state: state)
        #expect(ran.exitCode == 0, "\(ran.stderr)")
        let report = try #require(try ran.jsonLines().first)
        #expect(report["result"] as? String == "verified", "\(ran.stdout)")
        #expect((report["prompts"] as? [[String: Any]])?.compactMap { $0["type"] as? String } == ["fraud-greeting-pin", "authentication-successful"])
        let log = IVRProcess.run(["--json", "log"], state: state)
        #expect(log.stdout.contains("verified"))

        for text in [ran.stdout, ran.stderr, log.stdout, add.stdout, setPIN.stdout] { #expect(!text.contains(Self.pin)) }
        for file in try FileManager.default.contentsOfDirectory(at: state, includingPropertiesForKeys: nil) {
            let bytes = (try? Data(contentsOf: file)) ?? Data()
            #expect(bytes.range(of: Data(Self.pin.utf8)) == nil, "\(file.lastPathComponent)")
        }
    }

    @Test func aPINUserWithoutAStoredPINExits1() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url.appendingPathComponent("state")
        let add = IVRProcess.run(["users", "add", "bob@contoso.com", "--phone", "+1 425 555 0100", "--method", "pin"], state: state)
        try #require(add.exitCode == 0, "\(add.stderr)")
        let ran = IVRProcess.run(["dial", "bob@contoso.com"], state: state)
        #expect(ran.exitCode == 1)
        #expect(ran.stderr.contains("no PIN in the directory"), "\(ran.stderr)")
        #expect(IVRProcess.run(["log"], state: state).stdout.contains("empty"))
    }
}
