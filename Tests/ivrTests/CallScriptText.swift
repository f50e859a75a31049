import Foundation

/// Builds `.call` scripts (SPEC §11) for the CLI tests, so each test states only what differs:
/// who is called, when, and what the caller keys in.
struct CallScriptText {
    var user: String
    var phone = "+1 425 555 0100"
    /// The user's PIN; nil for a standard (press `#`) call.
    var pin: String?
    /// `at` timestamp (ISO 8601, UTC); nil means "now".
    var at: String?
    /// `language` header (Accept-Language or one tag); nil means the default, en-US.
    var language: String?
    /// The caller's actions after `answer`, one line each.
    var actions: [String]

    /// A standard call confirmed with `#`.
    static func confirm(_ user: String, at: String? = nil) -> CallScriptText {
        CallScriptText(user: user, at: at, language: nil, actions: ["listen", "press #", "listen"])
    }

    /// A standard call on which the caller enters the fraud code (`0`, the default).
    static func fraud(_ user: String, at: String? = nil) -> CallScriptText {
        CallScriptText(user: user, at: at, language: nil, actions: ["listen", "press 0#", "listen"])
    }

    /// A PIN call on which the caller keys `entries` one after another, then stays on the line.
    static func pin(_ user: String, pin: String, entries: [String], at: String? = nil, hangUp: Bool = false) -> CallScriptText {
        var actions: [String] = []
        for entry in entries { actions += ["listen", "press \(entry)#"] }
        actions.append(hangUp ? "hangup" : "listen")
        return CallScriptText(user: user, pin: pin, at: at, language: nil, actions: actions)
    }

    var text: String {
        var lines = ["user \(user)", "phone \(phone)"]
        if let pin { lines += ["method pin", "pin \(pin)"] }
        if let language { lines.append("language \(language)") }
        if let at { lines.append("at \(at)") }
        lines.append("answer")
        lines += actions
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the script into `directory` as `name` (`.call` appended).
    @discardableResult
    func write(in directory: URL, as name: String) throws -> URL {
        let file = directory.appendingPathComponent(name + ".call")
        try Data(text.utf8).write(to: file)
        return file
    }

    /// `2026-11-25T12:00:00Z` plus `seconds`, as an `at` value.
    static func time(_ seconds: Int, from base: String = "2026-11-25T12:00:00Z") -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let start = formatter.date(from: base)!
        return formatter.string(from: start.addingTimeInterval(TimeInterval(seconds)))
    }
}
