/// The IPv4 blocks that are not public Internet addresses (IANA's special-purpose registry, the
/// parts an administrator meets), with the words an error message uses for them.
///
/// Documentation ranges (`192.0.2.0/24`, `198.51.100.0/24`, `203.0.113.0/24`, RFC 5737) are
/// deliberately not listed: they are what examples and test scripts use for "some public
/// address", and no real client ever comes from them.
public enum SpecialIPv4Block: Sendable, CaseIterable {
    case thisNetwork, privateUse, sharedAddressSpace, loopback, linkLocal, protocolAssignments,
         benchmarking, multicast, reserved

    /// What kind of block this is, which decides whether on-premises mode may trust it.
    public enum Kind: String, Sendable {
        case `private`, loopback, linkLocal = "link-local", multicast, reserved
    }

    public var kind: Kind {
        switch self {
        case .privateUse, .sharedAddressSpace: .private
        case .loopback: .loopback
        case .linkLocal: .linkLocal
        case .multicast: .multicast
        case .thisNetwork, .protocolAssignments, .benchmarking, .reserved: .reserved
        }
    }

    /// The blocks, each in CIDR.
    public var ranges: [CIDRRange] {
        func range(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ length: Int) -> CIDRRange {
            CIDRRange(network: .v4(a << 24 | b << 16 | c << 8), prefixLength: length)
        }
        return switch self {
        case .thisNetwork: [range(0, 0, 0, 8)]
        case .privateUse: [range(10, 0, 0, 8), range(172, 16, 0, 12), range(192, 168, 0, 16)]
        case .sharedAddressSpace: [range(100, 64, 0, 10)]
        case .loopback: [range(127, 0, 0, 8)]
        case .linkLocal: [range(169, 254, 0, 16)]
        case .protocolAssignments: [range(192, 0, 0, 24)]
        case .benchmarking: [range(198, 18, 0, 15)]
        case .multicast: [range(224, 0, 0, 4)]
        case .reserved: [range(240, 0, 0, 4)]
        }
    }

    /// The words for an error message.
    public var name: String {
        switch self {
        case .thisNetwork: "reserved ('this network', 0.0.0.0/8)"
        case .privateUse: "private (RFC 1918)"
        case .sharedAddressSpace: "private (carrier-grade NAT shared space 100.64.0.0/10, RFC 6598)"
        case .loopback: "loopback (127.0.0.0/8)"
        case .linkLocal: "link-local (169.254.0.0/16)"
        case .protocolAssignments: "reserved (IETF protocol assignments 192.0.0.0/24)"
        case .benchmarking: "reserved (benchmarking 198.18.0.0/15)"
        case .multicast: "multicast (224.0.0.0/4)"
        case .reserved: "reserved (240.0.0.0/4, including the broadcast address)"
        }
    }

    /// Every block `range` overlaps, in the order of ``allCases``.
    public static func overlapping(_ range: CIDRRange) -> [(block: SpecialIPv4Block, range: CIDRRange)] {
        allCases.flatMap { block in
            block.ranges.filter { $0.overlaps(range) }.map { (block, $0) }
        }
    }
}
