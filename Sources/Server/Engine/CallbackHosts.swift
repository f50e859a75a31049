import Foundation

/// The hosts callbacks may reach (`api.callback-hosts`): host names or IP addresses, each
/// optionally with `:PORT` (any port when none is given). Nothing else is ever contacted.
struct CallbackHosts: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var host: String
        var port: Int?

        /// One entry: `host`, `host:PORT`, or `[v6]:PORT` (lowercased).
        init(parsing text: some StringProtocol) {
            let item = text.trimmingCharacters(in: .whitespaces).lowercased()
            if item.hasPrefix("["), let close = item.firstIndex(of: "]") {
                host = String(item[item.index(after: item.startIndex)..<close])
                let rest = item[item.index(after: close)...]
                port = rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil
                return
            }
            let pieces = item.split(separator: ":")
            if pieces.count == 2, let number = Int(pieces[1]) {
                (host, port) = (String(pieces[0]), number)
            } else {
                (host, port) = (item, nil)
            }
        }
    }

    var entries: [Entry]

    static let none = CallbackHosts(entries: [])

    /// Parses the setting's value (`none`, or comma-separated entries; `[::1]:8080` for IPv6).
    init(setting: String) {
        let text = setting.trimmingCharacters(in: .whitespaces)
        guard text.lowercased() != "none", !text.isEmpty else {
            entries = []
            return
        }
        entries = text.split(separator: ",").map(Entry.init(parsing:))
    }

    /// The setting as `Settings` holds it: one entry per item, already checked when it was set.
    init(hosts: [String]) {
        entries = hosts.map(Entry.init(parsing:))
    }

    init(entries: [Entry]) {
        self.entries = entries
    }

    /// Whether a URL may be contacted.
    func allows(_ url: URL) -> Bool {
        guard let host = url.host?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]")) else { return false }
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        return entries.contains { $0.host == host && ($0.port == nil || $0.port == port) }
    }

    /// Checks a `callbackUrl`: an absolute http(s) URL whose host is listed.
    func check(_ text: String) throws(APIError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil, url.user == nil
        else {
            throw .unprocessable("callbackUrl: '\(text)' is not an absolute http or https URL")
        }
        guard allows(url) else {
            throw .unprocessable("callbackUrl: host '\(url.host ?? "")' is not listed in api.callback-hosts; an admin must add it first")
        }
        return url
    }
}
