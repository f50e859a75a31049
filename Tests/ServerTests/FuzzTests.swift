import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// SPEC §13: network input is fuzzed like files. A seeded generator sends garbled HTTP framing over
/// raw sockets and mutated JSON bodies over curl; the server answers or drops each, never crashes,
/// never answers a well-framed request with a 5xx, and stops cleanly afterwards.
@Suite("ivr serve: fuzzed requests")
struct FuzzTests {
    static let seeds: [String] = [
        #"{"user":"alice@contoso.com","phone":"+14255550100","script":"answer\nlisten\npress #\n"}"#,
        #"{"user":"bob@contoso.com","phone":"+1 425 555 0101 x12","method":"standard","language":"de-DE","activation":true,"script":"answer after 2\nwait 3\nhangup"}"#,
        #"{"fraud.code":"19","call.attempts":4,"throttle.calls-per-user":1000}"#,
    ]

    /// One mutation of a seed: flip, insert, delete or duplicate bytes, or splice in JSON tokens.
    static func mutate(_ seed: String, _ random: inout SplitMix64) -> Data {
        var bytes = Array(seed.utf8)
        let tokens = ["null", "true", "[]", "{}", "\"\"", "1e309", "-0", "\"\\u0000\"", "\"\\ud800\"", ",", ":", "\"#\"", "\"\\npin 1\""]
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes[at] ^= UInt8.random(in: 1...255, using: &random)
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
            case 2: bytes.remove(at: at)
            case 3: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 8)], at: at)
            default: bytes.insert(contentsOf: Array(tokens.randomElement(using: &random)!.utf8), at: at)
            }
        }
        return Data(bytes)
    }

    /// Garbled framing: request lines, headers and chunk sizes that no client should send.
    static func garbled(_ random: inout SplitMix64) -> [UInt8] {
        let pieces = [
            "GET / HTTP/1.1\r\n\r\n", "POST /v1/verifications HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
            "GET /healthz HTTP/9.9\r\n\r\n", "\r\n\r\n\r\n", "GET /%00%ff HTTP/1.1\r\nHost: x\r\n\r\n",
            "PUT /v1/greetings/a/b HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
            "POST /v1/verifications HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
            "GET /v1/log?limit=%zz&before=\u{0} HTTP/1.1\r\nHost: x\r\n\r\n", "\u{16}\u{03}\u{01}\u{02}\u{00}",
            "GET /metrics HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X-A: b\r\n", count: 2000) + "\r\n",
        ]
        var bytes = Array(pieces.randomElement(using: &random)!.utf8)
        for _ in 0..<Int.random(in: 0...3, using: &random) where !bytes.isEmpty {
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
        }
        return bytes
    }

    /// Sends raw bytes, reads what comes back until the server closes or 2 s pass.
    static func sendRaw(_ bytes: [UInt8], port: UInt16) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "" }
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        shutdown(fd, Int32(SHUT_WR))
        var answer = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = recv(fd, &buffer, buffer.count, 0)
            if got <= 0 { break }
            answer += buffer[0..<got]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    @Test("garbled framing and mutated JSON never crash the server nor draw a 5xx")
    func fuzz() throws {
        let state = try StateDirectory()
        let admin = try IVRCommand.createKey(role: "admin", state: state.url).key
        let server = try ServeProcess(state: state.url)
        defer { server.stop() }
        var random = SplitMix64(seed: 0x1_5E57_2026)

        for _ in 0..<60 {
            let answer = Self.sendRaw(Self.garbled(&random), port: server.port)
            #expect(answer.isEmpty || answer.hasPrefix("HTTP/1."), "\(answer.prefix(80))")
        }
        for index in 0..<120 {
            let seed = Self.seeds[index % Self.seeds.count]
            let isSettings = seed.hasPrefix(#"{"fraud"#)
            let body = Self.mutate(seed, &random)
            let answer = try HTTPClient.send(
                isSettings ? "PATCH" : "POST", "\(server.baseURL)\(isSettings ? "/v1/settings" : "/v1/verifications")",
                key: admin, headers: ["Content-Type": "application/json"], body: body)
            #expect([200, 201, 400, 422, 429].contains(answer.status),
                    "\(answer.status) for \(String(decoding: body, as: UTF8.self)): \(answer.text)")
        }
        #expect(try HTTPClient.send("GET", "\(server.baseURL)/healthz").status == 200)
        #expect(server.stop() == 0)
    }
}
