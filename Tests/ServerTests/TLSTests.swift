import Foundation
import Testing

/// `ivr serve --tls-cert FILE --tls-key FILE` serves HTTPS (libmicrohttpd's own TLS).
@Suite("ivr serve: TLS")
struct TLSTests {
    @Test("with a certificate and key the server announces https and answers over TLS only")
    func https() throws {
        let state = try StateDirectory()
        let cert = state.url.appendingPathComponent("cert.pem")
        let key = state.url.appendingPathComponent("key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", cert.path,
                             "-days", "1", "-subj", "/CN=127.0.0.1"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)

        let server = try ServeProcess(state: state.url, extraArguments: ["--tls-cert", cert.path, "--tls-key", key.path])
        defer { server.stop() }
        #expect(server.baseURL.hasPrefix("https://127.0.0.1:"))
        let answer = try HTTPClient.send("GET", "\(server.baseURL)/healthz", insecure: true)
        #expect(answer.status == 200)
        let plain = try HTTPClient.send("GET", server.baseURL.replacingOccurrences(of: "https://", with: "http://") + "/healthz")
        #expect(plain.status != 200)
        #expect(server.stop() == 0)
    }

    @Test("a missing key file or a lone --tls-cert is refused before listening")
    func refusedOptions() throws {
        let state = try StateDirectory()
        let lone = try IVRCommand.run(["serve", "--listen", "127.0.0.1:0", "--tls-cert", "/nonexistent.pem"], state: state.url)
        #expect(lone.exitCode == 2)
        let missing = try IVRCommand.run(["serve", "--listen", "127.0.0.1:0", "--tls-cert", "/nonexistent.pem", "--tls-key", "/nonexistent.pem"], state: state.url)
        #expect(missing.exitCode == 1)
        #expect(missing.stderr.contains("--tls-cert"))
        let badListen = try IVRCommand.run(["serve", "--listen", "localhost"], state: state.url)
        #expect(badListen.exitCode == 2)
    }
}
