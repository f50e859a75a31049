extension SettingFormat where Value == [String] {
    /// Comma-separated host names or IP addresses, each optionally `:PORT` (`[::1]:8080` for IPv6);
    /// `none` or nothing clears the list. Stored lowercased without duplicates. For
    /// `api.callback-hosts`: the only hosts `ivr serve` ever sends callbacks to (SPEC §16).
    public static var hostList: SettingFormat {
        SettingFormat(
            allowedValues: "comma-separated host names or IP addresses, each optionally with :PORT, or 'none'",
            parse: { text, _ throws(SettingRefusal) in
                if text.isEmpty || text.lowercased() == "none" { return [] }
                var result: [String] = []
                for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                    let entry = String(part).trimmingWhitespace().lowercased()
                    guard !entry.isEmpty else { throw SettingRefusal("an empty host between commas") }
                    guard HostEntry.isValid(entry) else {
                        throw SettingRefusal("'\(Settings.printable(entry))' is not a host name or IP address with an optional :PORT")
                    }
                    if !result.contains(entry) { result.append(entry) }
                }
                return result
            },
            render: { $0.isEmpty ? "none" : $0.joined(separator: ",") })
    }
}

/// The syntax of one `api.callback-hosts` entry.
enum HostEntry {
    static func isValid(_ entry: String) -> Bool {
        var host = Substring(entry)
        var port: Substring?
        if entry.hasPrefix("[") {
            guard let close = entry.firstIndex(of: "]") else { return false }
            host = entry[entry.index(after: entry.startIndex)..<close]
            let rest = entry[entry.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return false }
                port = rest.dropFirst()
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return false }
        } else {
            let pieces = entry.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { return false }
            host = pieces[0]
            port = pieces.count == 2 ? pieces[1] : nil
            let labels = host.split(separator: ".", omittingEmptySubsequences: false)
            guard !host.isEmpty, host.count <= 253, labels.allSatisfy({ label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            }) else { return false }
        }
        if let port {
            guard !port.isEmpty, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber), let number = Int(port),
                  (1...65_535).contains(number)
            else { return false }
        }
        return true
    }
}
