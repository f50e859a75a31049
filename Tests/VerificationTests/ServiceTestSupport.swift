import CallScript
import Foundation
import VerificationStore
import Verification

/// A service over a fresh state directory in the temp folder, and scripts written inline.
struct ServiceFixture {
    let directory: URL
    let engine: VerificationEngine
    let service: VerificationSession
    /// A connection of the test's own to the same state directory, to look at what was written.
    let store: VerificationStore

    /// - Parameter promptTiming: `.estimate` for a test that pins times computed from the
    ///   words-per-minute estimate; by default prompts last their espeak-ng audio (SPEC §14).
    init(promptTiming: PromptTiming = .audioWhenInstalled) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-service-\(UUID().uuidString)")
        engine = try VerificationEngine(
            stateDirectory: directory, clock: { Date(timeIntervalSince1970: 1_800_000_000) }, promptTiming: promptTiming)
        service = try engine.session()
        store = try VerificationStore(directory: directory)
    }

    /// Runs a script given as text; `header` lines come first, then `actions`.
    func call(_ header: String, _ actions: String, file: String = "test.call") throws -> CallReport {
        let script = try CallScriptParser.parse(header + "\n" + actions + "\n", file: file)
        return try service.run(script)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

func pinHeader(user: String = "pat@contoso.com", at time: String) -> String {
    """
    user \(user)
    phone +1 425 555 0100
    method pin
    pin 4321
    at \(time)
    """
}

/// The repository's `Samples/calls` folder.
let sampleCalls = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Samples/calls")
