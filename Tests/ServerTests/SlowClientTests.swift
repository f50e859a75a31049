import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SPEC §16: a request whose headers are not complete within 10 s is dropped, however steadily
/// its bytes trickle in.
@Suite("ivr serve: slow clients")
struct SlowClientTests {
    @Test("a client sending its headers one byte a second is disconnected before it finishes")
    func headersOneByteASecond() throws {
        let state = try StateDirectory()
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }

        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socketFD >= 0)
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = server.port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)

        // 40 bytes at one a second would take 40 s; the server must hang up well before the end.
        let request = Array("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1234567890\r\n\r\n".utf8)
        var sent = 0
        var closedByServer = false
        for byte in request.prefix(40) {
            var one = byte
            if send(socketFD, &one, 1, Int32(MSG_NOSIGNAL)) != 1 {
                closedByServer = true
                break
            }
            sent += 1
            sleep(1)
            var probe: UInt8 = 0
            let got = recv(socketFD, &probe, 1, Int32(MSG_DONTWAIT))
            if got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                closedByServer = true
                break
            }
        }
        #expect(closedByServer, "the server kept a trickling client for \(sent) s")
        #expect(sent < 40)
        // The server still serves others.
        #expect(try HTTPClient.send("GET", "\(server.baseURL)/healthz").status == 200)
        #expect(server.stop() == 0)
    }
}
