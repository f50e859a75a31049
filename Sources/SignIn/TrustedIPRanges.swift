/// The `trusted-ips.ranges` setting (SPEC §8.5, seed 004's service settings): up to 50 public IPv4
/// ranges from which browser sign-ins skip MFA.
///
/// The rules, each refused with its reason and nothing half-applied:
/// - at most ``maximumCount`` ranges ("A maximum of 50 trusted IP ranges can be configured");
/// - IPv4 only: "IPv6 ranges are only supported in the Named location (preview) interface";
/// - public only: a range touching private, loopback, link-local, multicast or reserved space is
///   refused, unless on-premises mode (`trusted-ips.allow-private on`, the seed's "MFA Server")
///   allows the private blocks — loopback, link-local, multicast and reserved stay refused even
///   then, because no sign-in can come from them;
/// - `0.0.0.0/0` would trust every address and is always refused;
/// - host bits set are refused (``CIDRRange``); a range listed twice is refused.
public struct TrustedIPRanges: Sendable, Hashable {
    /// The seed's limit.
    public static let maximumCount = 50
    /// The seed's reason for refusing IPv6 here.
    public static let ipv6Reason = "IPv6 ranges are only supported in named locations (ivr locations add); trusted IPs take IPv4 ranges"

    public let ranges: [CIDRRange]

    public static let none = TrustedIPRanges(checked: [])

    private init(checked: [CIDRRange]) {
        self.ranges = checked
    }

    /// Parses the setting's value: `none`, or comma-separated IPv4 CIDR ranges (spaces allowed).
    ///
    /// - Parameter allowPrivate: on-premises mode.
    /// - Throws: ``TrustedIPError`` listing every range at fault.
    public init(parsing text: String, allowPrivate: Bool) throws(TrustedIPError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "none" || trimmed.isEmpty {
            self.ranges = []
            return
        }
        let items = trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard items.count <= Self.maximumCount else {
            throw TrustedIPError(problems: [
                "\(items.count) ranges given; at most \(Self.maximumCount) trusted IP ranges can be configured"
            ])
        }
        var problems: [String] = []
        var ranges: [CIDRRange] = []
        for (index, item) in items.enumerated() {
            let place = "range \(index + 1)"
            guard !item.isEmpty else {
                problems.append("\(place) is empty (two commas in a row?)")
                continue
            }
            do {
                let range = try CIDRRange(parsing: item)
                if let reason = Self.refusal(range, allowPrivate: allowPrivate) {
                    problems.append("\(place) '\(range)': \(reason)")
                } else if ranges.contains(range) {
                    problems.append("\(place) '\(range)' is listed twice")
                } else {
                    ranges.append(range)
                }
            } catch {
                problems.append("\(place) \(error)")
            }
        }
        guard problems.isEmpty else { throw TrustedIPError(problems: problems) }
        self.ranges = ranges
    }

    /// Why one well-formed range cannot be trusted, or `nil` when it can.
    public static func refusal(_ range: CIDRRange, allowPrivate: Bool) -> String? {
        guard range.isIPv4 else { return ipv6Reason }
        if range.prefixLength == 0 {
            return "0.0.0.0/0 would trust every address, which turns MFA off for everyone"
        }
        let overlaps = SpecialIPv4Block.overlapping(range)
        // On-premises mode forgives private blocks only; the first other one still refuses.
        if let (block, blockRange) = overlaps.first(where: { !(allowPrivate && $0.block.kind == .private) }) {
            var reason = "overlaps \(blockRange), which is \(block.name); only public ranges can be trusted"
            if block.kind == .private {
                reason += " (turn on trusted-ips.allow-private for an on-premises deployment)"
            }
            return reason
        }
        return nil
    }

    /// The first range that contains `address`.
    public func match(_ address: IPAddress) -> CIDRRange? {
        ranges.first { $0.contains(address) }
    }

    /// The setting's text: comma-separated, or `none`.
    public var settingValue: String {
        ranges.isEmpty ? "none" : ranges.map(\.description).joined(separator: ",")
    }
}

/// Why a trusted-IP list was refused: one line per range at fault.
public struct TrustedIPError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [String]

    public var description: String { problems.joined(separator: "; ") }
}
