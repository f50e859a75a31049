import Foundation

/// A `baresip` process on 127.0.0.1 that auto-answers and presses keys when told through its
/// `ctrl_tcp` control port. Its configuration lives in a temporary directory removed by `stop()`.
///
/// Debian's baresip has no sound-card-free audio but `aubridge` (its `ausine` wants 48 kHz), so the
/// callee's player and source are one bridge: it echoes what it hears. `net_interface 127.0.0.1` keeps its
/// SDP, and so the engine's RTP, on loopback.
final class BaresipPeer {
    let sipPort: UInt16
    let controlPort: UInt16
    private let directory: URL
    private let process = Process()
    private let logFile: URL

    /// - Parameter user: the account's user: the number the engine dials (baresip answers only
    ///   requests addressed to an account it has).
    init(user: String = "+14255550100") throws {
        sipPort = try FreePort.udp()
        controlPort = try FreePort.udp()
        let rtp = try FreePort.udp(spanning: 1)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("baresip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = """
        poll_method epoll
        net_interface 127.0.0.1
        sip_listen 127.0.0.1:\(sipPort)
        audio_player aubridge,ivr
        audio_alert aubridge,ivr
        audio_source aubridge,ivr
        rtp_ports \(rtp)-\(rtp + 40)
        module_path /usr/lib/baresip/modules
        module g711.so
        module aubridge.so
        module_app account.so
        module_app menu.so
        module_app ctrl_tcp.so
        ctrl_tcp_listen 127.0.0.1:\(controlPort)

        """
        try config.write(to: directory.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        try "<sip:\(user)@127.0.0.1>;regint=0;answermode=auto\n"
            .write(to: directory.appendingPathComponent("accounts"), atomically: true, encoding: .utf8)
        logFile = directory.appendingPathComponent("log.txt")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/baresip")
        process.arguments = ["-f", directory.path, "-t", "120"]
        process.standardOutput = try FileHandle(forWritingTo: logFile)
        process.standardError = process.standardOutput
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !log.contains("baresip is ready"), process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard log.contains("baresip is ready") else {
            stop()
            throw PeerError(message: "baresip did not start: \(log)")
        }
    }

    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Sends one control command (`sndcode` with its keys…) as a netstring over TCP.
    func command(_ name: String, _ params: String) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PeerError(message: "socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = controlPort.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw PeerError(message: "cannot reach baresip's control port") }
        let json = "{\"command\":\"\(name)\",\"params\":\"\(params)\",\"token\":\"t\"}"
        let message = Array("\(json.utf8.count):\(json),".utf8)
        guard send(fd, message, message.count, 0) == message.count else { throw PeerError(message: "send failed") }
        // Wait for the response so the command has run before the connection closes.
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 1024)
        _ = recv(fd, &buffer, buffer.count, 0)
    }

    func stop() {
        Peers.end(process)
        try? FileManager.default.removeItem(at: directory)
    }

    deinit { stop() }
}
