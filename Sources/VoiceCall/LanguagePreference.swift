/// The languages a user wants to hear, most wanted first, read from an `Accept-Language` value
/// (RFC 9110 §12.5.4) or a single BCP 47 tag.
///
/// ```swift
/// let preference = try LanguagePreference(parsing: "fr-CA,fr;q=0.9,en;q=0.5")
/// preference.tags.map(\.description)  // ["fr-CA", "fr", "en"]
/// ```
///
/// Rules (SPEC §3, and the decisions where it is silent):
/// - Members are ordered by q-value, highest first; members with the same q keep their order.
///   A member without a weight has `q=1`. A tag listed twice keeps its first (highest) place.
/// - `q=0` means "not this language": the tag is removed from `tags`, even where it is also listed
///   with a higher weight, and recorded in `excluded`. Exclusion is by exact tag (case-insensitive).
/// - `*` adds nothing: after the list, prompts fall back to `en-US` anyway.
/// - A malformed member (not a well-formed RFC 5646 tag, a bad q-value, an unknown parameter) is
///   ignored **only when** at least one other member is well-formed (`*` and `q=0` members count as
///   well-formed). A value that is empty, blank, or has no well-formed member is refused.
public struct LanguagePreference: Sendable, Equatable {
    /// The acceptable languages in preference order (q descending, stable), without duplicates
    /// and without excluded tags.
    public let tags: [LanguageTag]
    /// The tags the value marked `q=0`.
    public let excluded: [LanguageTag]
    /// Members that were ignored because they are malformed, each with its reason (for warnings).
    public let ignored: [LanguageError]

    /// A preference for exactly these tags, in this order.
    public init(_ tags: [LanguageTag], excluding excluded: [LanguageTag] = []) {
        let excludedSet = Set(excluded)
        var seen = Set<LanguageTag>()
        self.tags = tags.filter { !excludedSet.contains($0) && seen.insert($0).inserted }
        self.excluded = excluded
        self.ignored = []
    }

    /// Parses an `Accept-Language` value or one language tag.
    ///
    /// - Throws: `LanguageError` when the value is empty or no member of it is well-formed; the
    ///   error names the value and the first problem found.
    public init(parsing value: String) throws(LanguageError) {
        // Parsed on UTF-8 bytes: this runs for every call's language value.
        let bytes = Array(value.utf8)
        var members: [(tag: LanguageTag?, weight: Int)] = []
        var problems: [LanguageError] = []
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: ",") { end += 1 }
            let member = Self.trimmed(bytes[start..<end])
            start = end + 1
            if member.isEmpty { continue }  // RFC 9110 §5.6.1: empty list elements are allowed
            do throws(LanguageError) {
                members.append(try Self.parseMember(member, in: value))
            } catch {
                problems.append(error)
            }
        }
        if members.isEmpty {
            if let first = problems.first { throw first }
            throw LanguageError(value: value, reason: "it names no language (expected a tag such as \"en-US\" or an Accept-Language list)")
        }
        // Stable: equal weights keep the order they were written in.
        if members.contains(where: { $0.weight != 1000 }) {
            members = members.enumerated()
                .sorted { $0.element.weight != $1.element.weight ? $0.element.weight > $1.element.weight : $0.offset < $1.offset }
                .map(\.element)
        }
        var excluded: [LanguageTag] = []
        for member in members where member.weight == 0 {
            if let tag = member.tag, !excluded.contains(tag) { excluded.append(tag) }
        }
        var tags: [LanguageTag] = []
        var seen = Set<LanguageTag>()
        for member in members where member.weight > 0 {
            guard let tag = member.tag, !excluded.contains(tag) else { continue }
            // Short lists (the usual case) need no hashing.
            if members.count <= 8 ? tags.contains(tag) : !seen.insert(tag).inserted { continue }
            tags.append(tag)
        }
        self.tags = tags
        self.excluded = excluded
        self.ignored = problems
    }

    // MARK: - Parsing one member: `language-range [ OWS ";" OWS "q=" qvalue ]`

    /// Returns the member's tag (`nil` for `*`) and its weight in thousandths.
    private static func parseMember(_ member: ArraySlice<UInt8>, in value: String) throws(LanguageError) -> (LanguageTag?, Int) {
        let shown = String(decoding: member, as: UTF8.self).debugDescription
        let semicolon = member.firstIndex(of: UInt8(ascii: ";")) ?? member.endIndex
        let range = trimmed(member[..<semicolon])
        let tag: LanguageTag?
        if range.count == 1 && range.first == UInt8(ascii: "*") {
            tag = nil
        } else {
            do throws(LanguageError) {
                tag = try LanguageTag(String(decoding: range, as: UTF8.self))
            } catch {
                throw LanguageError(value: value, reason: "member \(shown): \(error.reason)")
            }
        }
        if semicolon == member.endIndex { return (tag, 1000) }
        let parameter = trimmed(member[(semicolon + 1)...])
        if parameter.contains(UInt8(ascii: ";")) {
            throw LanguageError(value: value, reason: "member \(shown) has more than one parameter (only \";q=\" is allowed)")
        }
        guard let weight = qValue(parameter) else {
            throw LanguageError(
                value: value,
                reason: "member \(shown) has the weight \(String(decoding: parameter, as: UTF8.self).debugDescription), expected q=0 to q=1 with at most 3 decimals")
        }
        return (tag, weight)
    }

    /// `q=0.5` → 500; `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`. The `q` is case-insensitive.
    private static func qValue(_ parameter: ArraySlice<UInt8>) -> Int? {
        let bytes = Array(parameter)
        guard bytes.count >= 3, bytes[0] | 0x20 == UInt8(ascii: "q"), bytes[1] == UInt8(ascii: "=") else { return nil }
        let number = bytes[2...]
        guard let whole = number.first, whole == UInt8(ascii: "0") || whole == UInt8(ascii: "1") else { return nil }
        var thousandths = Int(whole - UInt8(ascii: "0")) * 1000
        let rest = number.dropFirst()
        if rest.isEmpty { return thousandths }
        guard rest.first == UInt8(ascii: "."), rest.count <= 4 else { return nil }
        var scale = 100
        for byte in rest.dropFirst() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            if whole == UInt8(ascii: "1") && byte != UInt8(ascii: "0") { return nil }
            thousandths += Int(byte - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        return thousandths
    }

    /// Removes optional white space (spaces and tabs) at both ends.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var result = bytes
        while let first = result.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { result.removeFirst() }
        while let last = result.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { result.removeLast() }
        return result
    }
}
