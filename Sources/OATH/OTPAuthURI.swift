/// The `otpauth://totp/...` URI authenticator apps read from a QR code (the Key Uri Format of
/// Google Authenticator, which every app follows): `otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&
/// issuer=ISSUER&algorithm=SHA1&digits=6&period=30`.
///
/// It carries the secret: print it once, at enrolment, and never log it.
public enum OTPAuthURI {
    public static func make(issuer: String, account: String, secret: [UInt8], interval: TokenInterval) -> String {
        let label = escape(issuer) + ":" + escape(account)
        let query = [
            "secret=" + Base32.encode(secret),
            "issuer=" + escape(issuer),
            "algorithm=SHA1",
            "digits=\(TOTP.digits)",
            "period=\(interval.seconds)",
        ].joined(separator: "&")
        return "otpauth://totp/" + label + "?" + query
    }

    /// RFC 3986 percent-encoding of everything but the unreserved characters (`A–Z a–z 0–9 - . _ ~`),
    /// so a product name with spaces, `:` or `&` cannot break the label or the query.
    static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
