import Foundation
import QRCode
import Testing

@Suite struct QRCodeTests {
    static let uri = "otpauth://totp/Contoso%20MFA:alice%40contoso.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Contoso%20MFA&algorithm=SHA1&digits=6&period=30"

    /// Renders the matrix to a PGM file and decodes it with zbarimg (zbar-tools), the way a phone would.
    @Test func theImageDecodesBackToTheURI() throws {
        let matrix = try QRMatrix(encoding: Self.uri)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let image = directory.appendingPathComponent("code.pgm")
        try matrix.portableGraymap(scale: 4).write(to: image)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", image.path]
        let output = directory.appendingPathComponent("out.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let decoded = try String(contentsOf: output, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(decoded == Self.uri)
    }

    /// The terminal drawing is the same matrix: reading the half blocks back gives every module.
    @Test func theTerminalTextDrawsEveryModule() throws {
        let matrix = try QRMatrix(encoding: Self.uri)
        let quiet = 4
        let lines = matrix.terminalText(quietZone: quiet).split(separator: "\n").map { Array($0) }
        let side = matrix.width + 2 * quiet
        #expect(lines.count == (side + 1) / 2)
        #expect(lines.allSatisfy { $0.count == side })
        for y in 0..<side {
            for x in 0..<side {
                let cell = lines[y / 2][x]
                let light: Bool = switch cell {
                case "\u{2588}": true
                case "\u{2580}": y % 2 == 0
                case "\u{2584}": y % 2 == 1
                default: false
                }
                #expect(light == !matrix.isDark(x: x - quiet, y: y - quiet), "module \(x - quiet),\(y - quiet)")
            }
        }
    }

    @Test func textsTooLongOrEmptyAreTypedErrors() {
        #expect(throws: QRCodeError.self) { try QRMatrix(encoding: String(repeating: "x", count: 5_000)) }
        #expect(throws: QRCodeError.self) { try QRMatrix(encoding: "") }
    }
}
