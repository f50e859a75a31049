#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One IP address, IPv4 or IPv6, as the sign-in pipeline compares them (SPEC §8.3).
///
/// Text is parsed and printed by the C library (`inet_pton` / `inet_ntop`), so the accepted
/// spellings are exactly the standard ones: dotted-quad IPv4 without leading zeros, and RFC 4291
/// IPv6 with `::` compression and an embedded IPv4 tail. Zone ids (`fe80::1%eth0`), brackets and
/// ports are refused: a sign-in names an address, not a socket.
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// An IPv4 address as its 32 bits, most significant octet first.
    case v4(UInt32)
    /// An IPv6 address as its 16 bytes in network order.
    case v6(IPv6Bytes)

    /// The 16 bytes of an IPv6 address, as two 64-bit halves so they compare and mask cheaply.
    public struct IPv6Bytes: Sendable, Hashable {
        public var high: UInt64
        public var low: UInt64

        public init(high: UInt64, low: UInt64) {
            self.high = high
            self.low = low
        }
    }

    /// Parses `203.0.113.7`, `2001:db8::1` or `::ffff:203.0.113.7`.
    ///
    /// - Returns: `nil` when the text is not one address in a standard spelling.
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= 45, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return nil
        }
        if text.contains(":") {
            var raw = in6_addr()
            guard inet_pton(AF_INET6, text, &raw) == 1 else { return nil }
            let bytes = withUnsafeBytes(of: &raw) { Array($0) }
            self = .v6(IPv6Bytes(high: Self.bigEndian(bytes[0..<8]), low: Self.bigEndian(bytes[8..<16])))
        } else {
            var raw = in_addr()
            guard inet_pton(AF_INET, text, &raw) == 1 else { return nil }
            self = .v4(UInt32(bigEndian: raw.s_addr))
        }
    }

    /// `true` for IPv4 and for IPv6 alike; which family the address belongs to.
    public var isIPv4: Bool {
        if case .v4 = self { return true }
        return false
    }

    /// The IPv4 address an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, RFC 4291 §2.5.5.2) stands
    /// for; a dual-stack listener reports IPv4 clients that way, so a trusted IPv4 range must
    /// still match them. `nil` for any other IPv6 address and for IPv4 itself.
    public var mappedIPv4: UInt32? {
        guard case .v6(let bytes) = self, bytes.high == 0, bytes.low >> 32 == 0xFFFF else { return nil }
        return UInt32(truncatingIfNeeded: bytes.low)
    }

    /// The IPv4-mapped IPv6 form of an IPv4 address.
    public static func mapped(_ v4: UInt32) -> IPv6Bytes {
        IPv6Bytes(high: 0, low: 0xFFFF_0000_0000 | UInt64(v4))
    }

    /// The canonical text (RFC 5952 for IPv6, as `inet_ntop` writes it).
    public var description: String {
        switch self {
        case .v4(let value):
            return "\(value >> 24).\((value >> 16) & 0xFF).\((value >> 8) & 0xFF).\(value & 0xFF)"
        case .v6(let value):
            var raw = in6_addr()
            withUnsafeMutableBytes(of: &raw) { buffer in
                for index in 0..<8 {
                    buffer[index] = UInt8(truncatingIfNeeded: value.high >> (56 - 8 * UInt64(index)))
                    buffer[8 + index] = UInt8(truncatingIfNeeded: value.low >> (56 - 8 * UInt64(index)))
                }
            }
            var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count)) != nil else { return "::" }
            return String(decoding: text.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
