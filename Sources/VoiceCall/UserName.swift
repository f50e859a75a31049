/// A user's sign-in name (`alice@contoso.com`), checked and lowercased.
///
/// Blocks, lockout counters and the sign-in log are keyed by it, so `Alice@Contoso.com` and
/// `alice@contoso.com` are the same user. Only plain ASCII `local@domain` names are accepted (no
/// quoted local parts, comments or internationalised domains): the name ends up in e-mail bodies,
/// log lines and SQL parameters, and a narrow alphabet keeps all of them safe.
public struct UserName: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The lowercased name.
    public let value: String

    /// The longest name accepted (the limit of an e-mail address path, RFC 5321).
    public static let maxLength = 254

    /// Checks and lowercases `text`.
    ///
    /// - Throws: ``UserNameError`` saying what is wrong.
    public init(_ text: String) throws(UserNameError) {
        guard !text.isEmpty else { throw UserNameError(input: text, reason: "the user name is empty") }
        guard text.unicodeScalars.count <= Self.maxLength else {
            throw UserNameError(input: text, reason: "longer than \(Self.maxLength) characters")
        }
        if let reason = AddressSyntax.problem(with: text) {
            throw UserNameError(input: text, reason: reason)
        }
        self.value = text.lowercased()
    }

    public var description: String { self.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try UserName(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.value)
    }
}

/// A user name that was refused.
public struct UserNameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text as given.
    public let input: String
    /// Why it was refused.
    public let reason: String

    public var description: String {
        "invalid user name '\(Settings.printable(self.input))': \(self.reason) (expected user@domain)"
    }
}

/// The plain `local@domain` address syntax shared by user names and notification addresses.
///
/// A deliberate subset of RFC 5322's `addr-spec`: a dot-atom local part (letters, digits and
/// ``!#$%&'*+/=?^_`{|}~-``, dots only between characters) of at most 64 characters, and a domain of
/// letters, digits and hyphens in dot-separated labels of 1–63 characters. No spaces, quotes, angle
/// brackets, commas or line breaks, so an address can never inject a mail header or a second recipient.
enum AddressSyntax {
    private static let localSpecials: Set<Unicode.Scalar> = Set("!#$%&'*+/=?^_`{|}~-".unicodeScalars)

    /// Whether `text` is an acceptable mailbox (at most 254 characters).
    static func isValidMailbox(_ text: String) -> Bool {
        text.unicodeScalars.count <= 254 && problem(with: text) == nil
    }

    /// What is wrong with `text` as `local@domain`, or `nil` when nothing is.
    static func problem(with text: String) -> String? {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return parts.count < 2 ? "no '@' between user and domain" : "more than one '@'"
        }
        let local = parts[0].unicodeScalars
        let domain = parts[1].unicodeScalars
        guard !local.isEmpty else { return "nothing before '@'" }
        guard local.count <= 64 else { return "the part before '@' is longer than 64 characters" }
        for scalar in local where !(isASCIIAlphanumeric(scalar) || scalar == "." || localSpecials.contains(scalar)) {
            return "the character '\(Settings.printable(String(scalar)))' is not allowed before '@'"
        }
        // Every scalar of the part is ASCII by now: two dots in a row are two such bytes.
        if local.first == "." || local.last == "." || zip(parts[0].utf8, parts[0].utf8.dropFirst()).contains(where: { $0 == 0x2E && $1 == 0x2E }) {
            return "a dot at the start or end of the user part, or two dots in a row"
        }
        guard !domain.isEmpty else { return "nothing after '@'" }
        for label in parts[1].split(separator: ".", omittingEmptySubsequences: false) {
            let scalars = label.unicodeScalars
            guard !scalars.isEmpty else { return "an empty label in the domain" }
            guard scalars.count <= 63 else { return "a domain label longer than 63 characters" }
            for scalar in scalars where !(isASCIIAlphanumeric(scalar) || scalar == "-") {
                return "the character '\(Settings.printable(String(scalar)))' is not allowed in the domain"
            }
            if scalars.first == "-" || scalars.last == "-" { return "a domain label starts or ends with '-'" }
        }
        return nil
    }

    private static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }
}
