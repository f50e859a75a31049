import Foundation
import SIPChannel

/// A UDP socket on 127.0.0.1 that records the RTP a call sends it, for tests that check what the
/// engine put on the wire (extension digits as RFC 4733 events).
final class RTPCapture: @unchecked Sendable {
    let port: UInt16
    private let fd: Int32
    private let lock = NSLock()
    private var packets: [[UInt8]] = []
    private let done = DispatchSemaphore(value: 0)

    init() throws {
        port = try FreePort.udp(spanning: 2)
        fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw PeerError(message: "cannot bind the capture port") }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        Thread.detachNewThread { [self] in receive() }
    }

    private func receive() {
        var buffer = [UInt8](repeating: 0, count: 2048)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 {
                lock.lock()
                packets.append(Array(buffer[0..<count]))
                lock.unlock()
            } else if count < 0, errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR {
                break
            }
            lock.lock()
            let stopping = isStopping
            lock.unlock()
            if stopping { break }
        }
        done.signal()
    }

    private var isStopping = false

    func stop() {
        lock.lock()
        let already = isStopping
        isStopping = true
        lock.unlock()
        guard !already else { return }
        done.wait()
        close(fd)
    }

    /// The keys carried by telephone-event packets of payload type `eventPayloadType`, one per
    /// event (packets grouped by RTP timestamp), in order.
    func keys(eventPayloadType: UInt8 = 101) -> String {
        lock.lock()
        defer { lock.unlock() }
        var keys = ""
        var lastTimestamp: UInt32?
        for packet in packets where packet.count >= 16 && packet[1] & 0x7f == eventPayloadType {
            let timestamp = packet[4..<8].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard timestamp != lastTimestamp else { continue }
            lastTimestamp = timestamp
            let event = packet.withUnsafeBytes { TelephoneEvent(payload: UnsafeRawBufferPointer(rebasing: $0[12...])) }
            if let key = event?.key { keys.append(key.character) }
        }
        return keys
    }

    /// How many audio packets (payload type 0 or 8) arrived.
    var audioPackets: Int {
        lock.lock()
        defer { lock.unlock() }
        return packets.filter { $0.count >= 12 && [0, 8].contains($0[1] & 0x7f) }.count
    }
}
