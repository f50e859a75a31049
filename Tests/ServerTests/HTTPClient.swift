import Foundation
import Testing

/// A real HTTP client for the tests: `curl` run as a process, so requests go over the wire exactly
/// as an integrator's would (chunked uploads included), and nothing in-process is shared.
enum HTTPClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any], "not a JSON object: \(text)")
        }

        /// The `error.code` of an error answer.
        var errorCode: String? {
            ((try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["error"] as? [String: Any])?["code"] as? String
        }
    }

    /// Sends one request. `bodyFile` streams a file as the body; `chunked` sends it with
    /// `Transfer-Encoding: chunked` (no declared length).
    static func send(
        _ method: String, _ url: String, key: String? = nil, headers: [String: String] = [:], body: Data? = nil,
        bodyFile: URL? = nil, chunked: Bool = false, insecure: Bool = false
    ) throws -> Response {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let headerFile = scratch.appendingPathComponent("headers")
        let bodyOut = scratch.appendingPathComponent("body")
        var arguments = ["-s", "-S", "-X", method, "-D", headerFile.path, "-o", bodyOut.path, "--max-time", "60"]
        if insecure { arguments.append("-k") }
        if let key { arguments += ["-H", "Authorization: Bearer \(key)"] }
        for (name, value) in headers { arguments += ["-H", "\(name): \(value)"] }
        if chunked { arguments += ["-H", "Transfer-Encoding: chunked"] }
        if let body {
            let file = scratch.appendingPathComponent("request")
            try body.write(to: file)
            arguments += ["--data-binary", "@\(file.path)"]
        } else if let bodyFile {
            arguments += ["--data-binary", "@\(bodyFile.path)"]
        }
        arguments.append(url)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()

        let headerText = (try? String(contentsOf: headerFile, encoding: .utf8)) ?? ""
        // The last response block (after any `100 Continue`).
        let blocks = headerText.components(separatedBy: "\r\n\r\n").filter { !$0.isEmpty }
        let last = blocks.last ?? ""
        let lines = last.components(separatedBy: "\r\n")
        let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: fields, body: (try? Data(contentsOf: bodyOut)) ?? Data())
    }

    /// A JSON request.
    static func json(_ method: String, _ url: String, key: String?, _ object: [String: Any]) throws -> Response {
        try send(method, url, key: key, headers: ["Content-Type": "application/json"],
                 body: try JSONSerialization.data(withJSONObject: object))
    }
}
