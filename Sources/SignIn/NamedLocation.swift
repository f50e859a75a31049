/// A trusted named location (SPEC §8.5, `ivr locations add NAME --trusted CIDR...`): a set of IPv4
/// and IPv6 ranges from which sign-ins skip MFA (bypass `named-location`).
///
/// Unlike ``TrustedIPRanges`` it takes IPv6 (the seed sends IPv6 here) and private ranges (a
/// named location describes a network the administrator knows). Still refused: malformed ranges,
/// host bits, and a range covering everything (`0.0.0.0/0`, `::/0`).
public struct NamedLocation: Sendable, Hashable {
    /// The longest name accepted.
    public static let maximumNameLength = 64
    /// The most ranges one location may hold (the seed's trusted-IP limit, applied per location).
    public static let maximumRanges = 50

    public let name: String
    public let ranges: [CIDRRange]

    /// Checks a name and its ranges.
    ///
    /// - Throws: ``NamedLocationError`` naming the part at fault.
    public init(name: String, ranges texts: [String]) throws(NamedLocationError) {
        try Self.checkName(name)
        guard !texts.isEmpty else {
            throw NamedLocationError("location '\(name)' needs at least one range after --trusted")
        }
        guard texts.count <= Self.maximumRanges else {
            throw NamedLocationError("location '\(name)' lists \(texts.count) ranges; at most \(Self.maximumRanges)")
        }
        var ranges: [CIDRRange] = []
        var problems: [String] = []
        for (index, text) in texts.enumerated() {
            do {
                let range = try CIDRRange(parsing: text)
                if range.prefixLength == 0 {
                    problems.append("range \(index + 1) '\(range)' would trust every address")
                } else if !ranges.contains(range) {
                    ranges.append(range)
                }
            } catch {
                problems.append("range \(index + 1) \(error)")
            }
        }
        guard problems.isEmpty else { throw NamedLocationError(problems.joined(separator: "; ")) }
        self.name = name
        self.ranges = ranges
    }

    /// A name is 1–64 characters of letters, digits, space, `-`, `_` and `.`, not starting or
    /// ending with a space: something an administrator can type back to remove it.
    public static func checkName(_ name: String) throws(NamedLocationError) {
        guard !name.isEmpty, name.count <= maximumNameLength else {
            throw NamedLocationError("a location name is 1 to \(maximumNameLength) characters")
        }
        guard name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || " -_.".unicodeScalars.contains($0) }),
              name.first != " ", name.last != " "
        else {
            throw NamedLocationError("location name '\(name.prefix(64))' may hold only letters, digits, spaces, '-', '_' and '.'")
        }
    }

    /// The first range containing `address`.
    public func match(_ address: IPAddress) -> CIDRRange? {
        ranges.first { $0.contains(address) }
    }
}

public struct NamedLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
