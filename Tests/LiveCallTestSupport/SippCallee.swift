import Foundation

/// The two callees the CLI and server tests place live calls to (SPEC §15), so `ivr dial` and
/// `ivr serve` are tested against the same peer behaviour.
extension SippScenario {
    /// sipp answers (PCMU, telephone-event 101), then keys each entry of `entries` — recorded
    /// RFC 2833 events from Debian's sip-tester pcaps, 250 ms apart — the first a second after the
    /// answer and each next one 6 s later, and accepts our BYE. No entries: it stays silent. It
    /// answers at once, without ringing: a test that cancels "during the call" never races a
    /// CANCEL against the answer.
    public static func answer(keying entries: [String]) -> String {
        var steps: [Step] = entries.isEmpty ? [] : [.pause(milliseconds: 1000)]
        for (index, entry) in entries.enumerated() {
            if index > 0 { steps.append(.pause(milliseconds: 6000)) }
            steps += entry.map { .key($0) }
        }
        return answer(steps, ringing: false).xml
    }

    /// sipp refuses the call with 486 Busy Here.
    public static var busy: String { refuse("486 Busy Here").xml }
}

/// One `sipp` process on 127.0.0.1 playing a scenario as the trunk for one call; killed when the
/// value goes away, so a failing test never leaves it running.
public final class SippCallee {
    public let process = Process()
    /// The `sip.*` and `rtp.ports` settings that point a state directory at this callee; the
    /// caller applies them with its own way of running `ivr settings set`.
    public let settings: [(key: String, value: String)]

    /// Writes `scenario` into `directory` and starts sipp on a random even port.
    public init(_ scenario: String, directory: URL) throws {
        let file = directory.appendingPathComponent("scenario-\(UUID().uuidString).xml")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try scenario.write(to: file, atomically: true, encoding: .utf8)
        let trunkPort = UInt16.random(in: 12000...16500) * 2
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
        process.arguments = [
            "-sf", file.path, "-i", "127.0.0.1", "-p", String(trunkPort), "-mi", "127.0.0.1",
            "-mp", String(trunkPort + 2), "-m", "1", "-nostdin", "-timeout", "60s",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let rtp = UInt16.random(in: 17000...18500) * 2
        settings = [
            ("sip.trunk", "sip:127.0.0.1:\(trunkPort)"), ("sip.listen", "127.0.0.1:\(trunkPort + 10)"),
            ("rtp.ports", "\(rtp)-\(rtp + 100)"),
        ]
    }

    /// Waits for sipp's end (its scenario done, or killed) and returns its exit code.
    public func waitForEnd() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
