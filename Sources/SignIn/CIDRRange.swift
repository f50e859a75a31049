/// An address range in CIDR notation (`40.77.182.32/27`, `2001:db8::/32`), checked the strict way:
/// the prefix length is required and the address must be the network itself.
///
/// **Host bits are refused, not masked.** `10.0.0.1/8` is almost always a typo for either the
/// address `10.0.0.1/32` or the network `10.0.0.0/8`; silently masking it would trust sixteen
/// million addresses when one was meant. The error names the network it would have been.
public struct CIDRRange: Sendable, Hashable, CustomStringConvertible {
    /// The network address (host bits all zero).
    public let network: IPAddress
    /// The prefix length: 0–32 for IPv4, 0–128 for IPv6.
    public let prefixLength: Int

    /// Parses `ADDRESS/LENGTH`.
    ///
    /// - Throws: ``CIDRError`` saying what is wrong, with the corrected network when only the host
    ///   bits are.
    public init(parsing text: String) throws(CIDRError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            if parts.count == 1, let single = IPAddress(text) {
                let length = single.isIPv4 ? 32 : 128
                throw CIDRError(text, "is an address, not a range; write \(single)/\(length) for this one address")
            }
            throw CIDRError(text, "is not in CIDR notation ADDRESS/LENGTH, e.g. 40.77.182.32/27")
        }
        guard let address = IPAddress(String(parts[0])) else {
            throw CIDRError(text, "'\(parts[0].prefix(45))' is not an IPv4 or IPv6 address")
        }
        let maximum = address.isIPv4 ? 32 : 128
        let lengthText = parts[1]
        guard !lengthText.isEmpty, lengthText.count <= 3, lengthText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              lengthText == "0" || !lengthText.hasPrefix("0"), let length = Int(lengthText), length <= maximum
        else {
            throw CIDRError(text, "the prefix length must be a whole number from 0 to \(maximum)")
        }
        let network = Self.masked(address, length)
        guard network == address else {
            throw CIDRError(text, "has host bits set after the first \(length) bits; the network is \(network)/\(length)")
        }
        self.network = network
        self.prefixLength = length
    }

    /// A range from an already masked network; for tests and built-in tables.
    init(network: IPAddress, prefixLength: Int) {
        self.network = Self.masked(network, prefixLength)
        self.prefixLength = prefixLength
    }

    /// `true` for an IPv4 range.
    public var isIPv4: Bool { network.isIPv4 }

    /// Whether `address` lies inside the range.
    ///
    /// The families meet through IPv4-mapped IPv6 addresses: an IPv4 range contains
    /// `::ffff:a.b.c.d` when it contains `a.b.c.d`, and an IPv6 range that covers `::ffff:0:0/96`
    /// (or part of it) contains the IPv4 addresses it maps.
    public func contains(_ address: IPAddress) -> Bool {
        switch (network, address) {
        case (.v4, .v4), (.v6, .v6):
            return Self.masked(address, prefixLength) == network
        case (.v4, .v6):
            guard let v4 = address.mappedIPv4 else { return false }
            return Self.masked(.v4(v4), prefixLength) == network
        case (.v6, .v4(let v4)):
            return Self.masked(.v6(IPAddress.mapped(v4)), prefixLength) == network
        }
    }

    /// Whether the two ranges share at least one address (same family only).
    public func overlaps(_ other: CIDRRange) -> Bool {
        guard isIPv4 == other.isIPv4 else { return false }
        return prefixLength <= other.prefixLength ? contains(other.network) : other.contains(network)
    }

    public var description: String { "\(network)/\(prefixLength)" }

    /// The address with every bit after the first `length` cleared.
    static func masked(_ address: IPAddress, _ length: Int) -> IPAddress {
        switch address {
        case .v4(let value):
            let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << UInt32(32 - length)
            return .v4(value & mask)
        case .v6(let value):
            let highMask: UInt64 = length >= 64 ? ~0 : (length == 0 ? 0 : ~UInt64(0) << UInt64(64 - length))
            let lowLength = max(0, length - 64)
            let lowMask: UInt64 = lowLength == 0 ? 0 : (lowLength == 64 ? ~0 : ~UInt64(0) << UInt64(64 - lowLength))
            return .v6(.init(high: value.high & highMask, low: value.low & lowMask))
        }
    }
}

/// Why a CIDR range was refused: the text as given and the reason.
public struct CIDRError: Error, Sendable, Equatable, CustomStringConvertible {
    public let input: String
    public let reason: String

    init(_ input: String, _ reason: String) {
        self.input = String(input.prefix(60))
        self.reason = reason
    }

    public var description: String { "'\(input)' \(reason)" }
}
