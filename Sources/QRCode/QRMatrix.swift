import CQRencode
import Foundation

/// A QR code symbol as a square of modules (dark or light), made by libqrencode.
///
/// Used to show an authenticator app's `otpauth://` URI in the terminal (``terminalText(quietZone:)``)
/// and, in tests, as an image a decoder reads back (``portableGraymap(scale:quietZone:)``): both
/// draw the same matrix.
public struct QRMatrix: Sendable, Equatable {
    /// Modules per side.
    public let width: Int
    /// Row-major, `true` for a dark module.
    public let modules: [Bool]

    /// Error correction level M (15 %): what authenticator enrolment codes usually use.
    /// - Throws: ``QRCodeError`` when the text is too long for any QR version (over ~2 kB).
    public init(encoding text: String) throws(QRCodeError) {
        let symbol = try QRSymbol(text)
        self.width = symbol.width
        self.modules = symbol.modules
    }

    public init(width: Int, modules: [Bool]) {
        precondition(modules.count == width * width, "a QR matrix is square")
        self.width = width
        self.modules = modules
    }

    /// Whether the module at column `x`, row `y` is dark; outside the symbol (the quiet zone) is light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < width, y < width else { return false }
        return modules[y * width + x]
    }

    /// The symbol drawn with Unicode half blocks, two module rows per text line, as `qrencode -t UTF8`
    /// does: light modules are printed (the terminal's foreground, usually light on dark) and dark
    /// ones left blank, so the code reads as dark-on-light on a dark terminal. A light quiet zone
    /// surrounds it (4 modules, as the QR standard asks).
    public func terminalText(quietZone: Int = 4) -> String {
        var lines: [String] = []
        var y = -quietZone
        while y < width + quietZone {
            var line = ""
            for x in -quietZone..<(width + quietZone) {
                let top = !isDark(x: x, y: y)
                let bottom = y + 1 < width + quietZone ? !isDark(x: x, y: y + 1) : false
                switch (top, bottom) {
                case (true, true): line += "\u{2588}"   // █ both light
                case (true, false): line += "\u{2580}"  // ▀ upper light
                case (false, true): line += "\u{2584}"  // ▄ lower light
                case (false, false): line += " "
                }
            }
            lines.append(line)
            y += 2
        }
        return lines.joined(separator: "\n")
    }

    /// The symbol as a binary PGM image (P5, black = dark), `scale` pixels per module, with a quiet zone.
    public func portableGraymap(scale: Int = 4, quietZone: Int = 4) -> Data {
        let side = (width + 2 * quietZone) * scale
        var data = Data("P5\n\(side) \(side)\n255\n".utf8)
        data.reserveCapacity(data.count + side * side)
        for row in 0..<side {
            let y = row / scale - quietZone
            for column in 0..<side {
                data.append(isDark(x: column / scale - quietZone, y: y) ? 0 : 255)
            }
        }
        return data
    }
}

/// Why a text could not be encoded.
public struct QRCodeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public var description: String { "cannot draw a QR code: \(reason)" }
}

/// Owns one `QRcode*` from libqrencode for as long as its modules are copied out, then frees it.
private final class QRSymbol {
    private let handle: UnsafeMutablePointer<QRcode>

    init(_ text: String) throws(QRCodeError) {
        guard !text.isEmpty else { throw QRCodeError(reason: "the text is empty") }
        guard let handle = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw QRCodeError(reason: errno == ERANGE ? "the text is too long for a QR code" : String(cString: strerror(errno)))
        }
        self.handle = handle
    }

    deinit { QRcode_free(handle) }

    var width: Int { Int(handle.pointee.width) }

    /// Bit 0 of each byte is the module's colour (1 = dark); the other bits are libqrencode's notes.
    var modules: [Bool] {
        let count = width * width
        return (0..<count).map { handle.pointee.data[$0] & 1 == 1 }
    }
}
