import Foundation
import LiveCallTestSupport
import Testing

/// A `sipp` process acting as the callee on 127.0.0.1, stopped when the test is done.
final class SippPeer {
    let sipPort: UInt16
    let mediaPort: UInt16
    private let process = Process()
    private let errors: URL

    private let scenarioFile: URL

    /// - Parameters:
    ///   - keys: `-key NAME VALUE` pairs the scenario reads as `[NAME]`.
    init(_ scenario: SippScenario, keys: [String: String] = [:], calls: Int = 1, transport: String = "u1") throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sipp-\(UUID().uuidString).xml")
        try scenario.xml.write(to: file, atomically: true, encoding: .utf8)
        scenarioFile = file
        sipPort = try FreePort.udp()
        mediaPort = try FreePort.udp(spanning: 4)
        errors = FileManager.default.temporaryDirectory.appendingPathComponent("sipp-\(UUID().uuidString).log")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
        var arguments = [
            "-sf", file.path, "-i", "127.0.0.1", "-p", String(sipPort), "-mi", "127.0.0.1", "-mp", String(mediaPort),
            "-t", transport, "-m", String(calls), "-l", String(calls), "-nostdin", "-timeout", "90s", "-timeout_error",
            "-trace_err", "-error_file", errors.path,
        ]
        for (name, value) in keys.sorted(by: { $0.key < $1.key }) { arguments += ["-key", name, value] }
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // sipp binds its port at once; give it a moment before the INVITE arrives.
        Thread.sleep(forTimeInterval: 0.3)
    }

    /// Waits for sipp to finish its calls; its exit status (0 = every call went as scripted).
    func wait(seconds: Double = 30) -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { stop() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    var errorLog: String { (try? String(contentsOf: errors, encoding: .utf8)) ?? "" }

    func stop() {
        Peers.end(process)
        try? FileManager.default.removeItem(at: errors)
        try? FileManager.default.removeItem(at: scenarioFile)
    }

    deinit { stop() }
}

struct PeerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Free loopback ports, found by binding and releasing them.
enum FreePort {
    /// A UDP port (and the `spanning - 1` above it) free on 127.0.0.1 now.
    static func udp(spanning count: UInt16 = 1) throws -> UInt16 {
        for _ in 0..<200 {
            let base = UInt16.random(in: 15000...29500) * 2
            if (0..<count).allSatisfy({ isFree(base + $0, type: SOCK_DGRAM) }) && isFree(base, type: SOCK_STREAM) {
                return base
            }
        }
        throw PeerError(message: "no free port")
    }

    static func isFree(_ port: UInt16, type: __socket_type) -> Bool {
        let fd = socket(AF_INET, Int32(type.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// Ending a peer process for good: SIGTERM, a moment to hang up politely, then SIGKILL.
enum Peers {
    static func end(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
