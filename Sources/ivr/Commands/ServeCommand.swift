import Foundation
import Server

/// `ivr serve [--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE]`: the HTTP API (SPEC §16).
enum ServeCommand {
    static let defaultListen = "127.0.0.1:8480"

    static func run(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["listen", "tls-cert", "tls-key"], in: "serve")
        try args.noMoreWords(in: "serve")
        let (host, port) = try listenAddress(args.options["listen"] ?? defaultListen)
        var configuration = HTTPDaemonConfiguration(host: host, port: port)
        switch (args.options["tls-cert"], args.options["tls-key"]) {
        case (nil, nil):
            break
        case (let cert?, let key?):
            configuration.tls = (try readPEM(cert, option: "--tls-cert"), try readPEM(key, option: "--tls-key"))
        default:
            throw CLIError.usage("--tls-cert and --tls-key go together")
        }
        do {
            return try ServeLoop.run(
                stateDirectory: StateDirectory.resolve(args), configuration: configuration,
                announce: Output.line, warn: { Output.error($0) })
        } catch let error as HTTPDaemonError {
            throw CLIError.failure("serve: \(error)")
        }
    }

    /// `ADDR:PORT`, with an IPv6 address in brackets (`[::1]:8480`).
    static func listenAddress(_ text: String) throws(CLIError) -> (String, UInt16) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") {
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            throw .usage("--listen: '\(text)' is not ADDR:PORT (e.g. 127.0.0.1:8480 or [::1]:8480)")
        }
        guard !host.isEmpty, let port = UInt16(portText) else {
            throw .usage("--listen: '\(text)' is not ADDR:PORT with a port from 0 to 65535")
        }
        return (String(host), port)
    }

    private static func readPEM(_ path: String, option: String) throws(CLIError) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), text.contains("-----BEGIN") else {
            throw .invalidInput("\(option): cannot read a PEM file at \(path)")
        }
        return text
    }
}
