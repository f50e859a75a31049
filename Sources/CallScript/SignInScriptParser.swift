import Foundation
import SignIn

/// Reads the `.signin` format of SPEC §8.2 into a ``SignInScriptFile``, with the lexical rules of
/// the `.call` format (§11): UTF-8 lines, a `#` that starts a line or follows white space begins a
/// comment, lowercase keywords, a leading BOM skipped, CRLF accepted, errors naming the line.
///
/// The `call` line opens a block: the lines after it that are indented (space or tab), blank or
/// comment-only belong to it, up to the first line that starts at the margin. The block holds
/// `.call` header lines and actions and is parsed by ``CallScriptParser`` itself, with the line
/// numbers of this file; its user is the sign-in's, and its start time the sign-in's `at`.
///
/// Decisions where the SPEC is silent:
/// - `user` and `ip` are required; every keyword at most once.
/// - `method` defaults to `call`. What the person does for the method is optional: without it the
///   person does not respond (the phone is not answered, no code is typed, the notification is
///   ignored) — a bypass needs no method, so a script for one needs none either.
/// - The evidence must fit the method: a `call` block only for `call`, `code sent` only for `text`,
///   `code DIGITS` (4–10 digits) for `text` or `app-code`, `approve|deny|ignore` for
///   `app-notification`. Codes are never repeated in errors.
/// - `browser ID` (1–128 of `A–Z a–z 0–9 - _ .`) only for a browser client, `app-password` only for
///   a rich client. `remember` may be written for a rich client: the pipeline records that the
///   option is never offered there.
/// - Inside the `call` block, `user` and `at` are refused: the sign-in states them once.
public enum SignInScriptParser {
    /// The most codes one `code` line may try (the text method allows 3 per code sent; one more
    /// shows the fourth refused).
    public static let maximumCodeTries = 5

    /// Parses a sign-in script already held as text.
    ///
    /// - Parameters:
    ///   - directory: the users directory, to fill the embedded call's `phone` and `method`.
    ///   - now: the time used when the script has no `at`.
    public static func parse(
        _ text: String, file: String, now: Date = Date(), directory: (String) -> RegisteredCallee? = { _ in nil }
    ) throws(CallScriptError) -> SignInScriptFile {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" {
            scalars.removeFirst()
        }
        var lines = scalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        if lines.count > 1, lines[lines.count - 1].isEmpty {
            lines.removeLast()
        }
        var builder = Builder(file: file, lineCount: lines.count)
        for (index, line) in lines.enumerated() {
            try builder.take(line, number: index + 1)
        }
        return try builder.finish(lines: lines, now: now, directory: directory)
    }

    /// Reads and parses a sign-in script file, with the `.call` reader's checks on size, NUL bytes,
    /// UTF-8 and special files.
    public static func parse(
        contentsOf url: URL, now: Date = Date(), directory: (String) -> RegisteredCallee? = { _ in nil }
    ) throws(CallScriptError) -> SignInScriptFile {
        let name = url.isFileURL ? url.relativePath : url.absoluteString
        let bytes = try CallScriptParser.readBytes(ofPath: url.path, name: name)
        return try self.parse(bytes: bytes, file: name, now: now, directory: directory)
    }

    /// Parses a sign-in script from raw bytes (what `parse(contentsOf:)` does after reading, and the
    /// entry point for fuzzing): too many bytes, a NUL byte or ill-formed UTF-8 are refused first.
    public static func parse(
        bytes: [UInt8], file: String, now: Date = Date(), directory: (String) -> RegisteredCallee? = { _ in nil }
    ) throws(CallScriptError) -> SignInScriptFile {
        guard bytes.count <= CallScriptParser.maximumFileBytes else {
            throw CallScriptError(file: file, line: nil, message: "the file is larger than 1 MiB (1,048,576 bytes); a sign-in script is a short text file")
        }
        if let (offset, isNUL) = CallScriptParser.firstBadByte(in: bytes) {
            let line = 1 + bytes[..<offset].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            throw CallScriptError(
                file: file, line: line,
                message: isNUL ? "NUL byte: a sign-in script is UTF-8 text" : "bytes that are not valid UTF-8: a sign-in script is UTF-8 text")
        }
        return try self.parse(String(decoding: bytes, as: UTF8.self), file: file, now: now, directory: directory)
    }
}

extension SignInScriptParser {
    private enum Keyword: String, CaseIterable {
        case user, at, ip, client, browser, guest, risk, consent, method, remember, call, code, approve, deny, ignore
        case firstFactor = "first-factor"
        case claim
        case appPassword = "app-password"
        case staySignedIn = "stay-signed-in"
    }

    private struct Builder {
        let file: String
        let lineCount: Int
        var seen: [Keyword: Int] = [:]
        var user: String?
        var time: Date?
        var ip: IPAddress?
        var client = SignInAttempt.Client.browser
        var browserID: String?
        var firstFactor = SignInAttempt.FirstFactor.password
        var claim = false
        var guest = false
        var risk = SignInAttempt.Risk.none
        var consent = false
        var appPassword = false
        var method = SignInMethod.call
        var remember = false
        var staySignedIn = SignInAttempt.StaySignedInAnswer.no
        /// The `call` line and the lines of its block.
        var callBlock: (line: Int, lines: ClosedRange<Int>?)?
        var inCallBlock = false
        var code: (codes: [SignInScriptFile.TypedCode], line: Int)?
        var notification: (MethodOutcome.NotificationAnswer, Int)?
        var sawContent = false

        init(file: String, lineCount: Int) {
            self.file = file
            self.lineCount = lineCount
        }

        func error(_ line: Int?, _ message: String) -> CallScriptError {
            CallScriptError(file: file, line: line, message: message)
        }

        mutating func take(_ line: String, number: Int) throws(CallScriptError) {
            let byteCount = line.utf8.count
            guard byteCount <= CallScriptParser.maximumLineBytes else {
                throw error(number, "line too long (\(byteCount) bytes); a line may hold at most \(CallScriptParser.maximumLineBytes) bytes")
            }
            var scalars = Substring(line).unicodeScalars
            if scalars.last == "\r" {
                scalars.removeLast()
            }
            for scalar in scalars where (scalar.value < 0x20 && scalar.value != 0x09) || (0x7F...0x9F).contains(scalar.value) {
                throw error(number, "control character U+\(String(format: "%04X", scalar.value)) is not allowed; a sign-in script is plain text")
            }
            let words = scalars.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { String(String.UnicodeScalarView($0)) }
            let indented = scalars.first == " " || scalars.first == "\t"
            guard let keyword = words.first, !keyword.hasPrefix("#") else {
                return  // blank or comment line (inside a call block too)
            }
            if inCallBlock {
                if indented {
                    if let first = callBlock?.lines?.lowerBound {
                        callBlock?.lines = first...number
                    } else {
                        callBlock?.lines = number...number
                    }
                    if keyword == "user" || keyword == "at" {
                        throw error(number, "'\(keyword)' belongs to the sign-in, not its call block: state it once at the top of the script")
                    }
                    return
                }
                inCallBlock = false
            } else if indented, callBlock != nil {
                throw error(number, "an indented line belongs to the call block, which ended before this line; indent the whole block under 'call'")
            }
            sawContent = true
            let arguments = Array(words.dropFirst().prefix(while: { !$0.hasPrefix("#") }))
            guard let word = Keyword(rawValue: keyword) else {
                throw error(number, unknownKeyword(keyword))
            }
            if let first = seen[word] {
                throw error(number, "duplicate '\(keyword)' line; it was already given on line \(first)")
            }
            seen[word] = number
            try takeLine(word, arguments, line: number)
        }

        func unknownKeyword(_ word: String) -> String {
            let shown = word.contains(where: \.isNumber) ? "" : " '\(word.prefix(40))'"
            var message = "unknown keyword\(shown); expected one of: \(Keyword.allCases.map(\.rawValue).joined(separator: ", "))"
            if !shown.isEmpty, Keyword(rawValue: word.lowercased()) != nil {
                message += " (keywords are lowercase: '\(word.lowercased())')"
            }
            return message
        }

        func one(_ arguments: [String], _ keyword: String, example: String, line: Int) throws(CallScriptError) -> String {
            guard arguments.count == 1 else {
                throw error(line, "'\(keyword)' takes one value, e.g. \(example)")
            }
            return arguments[0]
        }

        func none(_ arguments: [String], _ keyword: String, line: Int) throws(CallScriptError) {
            guard arguments.isEmpty else {
                throw error(line, "'\(keyword)' takes no value; write the word alone")
            }
        }

        func choice<T: RawRepresentable & CaseIterable>(_ arguments: [String], _ keyword: String, line: Int) throws(CallScriptError) -> T
        where T.RawValue == String {
            let allowed = T.allCases.map(\.rawValue)
            guard arguments.count == 1, let value = T(rawValue: arguments[0]) else {
                let got = arguments.isEmpty ? "nothing" : "'\(arguments.joined(separator: " ").prefix(40))'"
                throw error(line, "'\(keyword)' must be one of \(allowed.joined(separator: ", ")); got \(got)")
            }
            return value
        }

        mutating func takeLine(_ keyword: Keyword, _ arguments: [String], line: Int) throws(CallScriptError) {
            switch keyword {
            case .user:
                let name = try one(arguments, "user", example: "user alice@contoso.com", line: line)
                guard CallScriptParser.looksLikeUserName(name) else {
                    throw error(line, "user name '\(name.prefix(40))' is not of the form user@domain (e.g. alice@contoso.com)")
                }
                user = name
            case .at:
                let text = try one(arguments, "at", example: "at 2026-11-25T10:00:00Z", line: line)
                switch CallScriptParser.timestamp(text) {
                case .success(let date): time = date
                case .failure(let problem): throw error(line, problem.message)
                }
            case .ip:
                let text = try one(arguments, "ip", example: "ip 203.0.113.7 or ip 2001:db8::7", line: line)
                guard let address = IPAddress(text) else {
                    throw error(line, "'\(text.prefix(45))' is not an IPv4 or IPv6 address (e.g. 203.0.113.7, 2001:db8::7)")
                }
                ip = address
            case .client: client = try choice(arguments, "client", line: line)
            case .browser:
                let id = try one(arguments, "browser", example: "browser b-7f3a", line: line)
                guard (1...128).contains(id.count), id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }) else {
                    throw error(line, "a browser id is 1–128 characters of letters, digits, '-', '_' and '.'")
                }
                browserID = id
            case .firstFactor: firstFactor = try choice(arguments, "first-factor", line: line)
            case .claim:
                guard arguments == ["inside-corporate-network"] else {
                    throw error(line, "'claim' takes the one claim the pipeline knows: claim inside-corporate-network")
                }
                claim = true
            case .guest:
                try none(arguments, "guest", line: line)
                guest = true
            case .risk: risk = try choice(arguments, "risk", line: line)
            case .consent:
                try none(arguments, "consent", line: line)
                consent = true
            case .appPassword:
                try none(arguments, "app-password", line: line)
                appPassword = true
            case .method: method = try choice(arguments, "method", line: line)
            case .remember:
                try none(arguments, "remember", line: line)
                remember = true
            case .staySignedIn: staySignedIn = try choice(arguments, "stay-signed-in", line: line)
            case .call:
                try none(arguments, "call", line: line)
                callBlock = (line, nil)
                inCallBlock = true
            case .code:
                guard (1...SignInScriptParser.maximumCodeTries).contains(arguments.count) else {
                    throw error(
                        line,
                        "'code' takes 'sent' (type back the code that was sent) or the digits typed, e.g. code 123456; several tries in order: code 111111 sent (at most \(SignInScriptParser.maximumCodeTries))")
                }
                var codes: [SignInScriptFile.TypedCode] = []
                for (index, word) in arguments.enumerated() {
                    if word == "sent" {
                        codes.append(.sent)
                        continue
                    }
                    guard (4...10).contains(word.utf8.count), word.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                        throw error(line, "try \(index + 1) of 'code': a typed code is 4–10 digits (0-9), or 'sent'")
                    }
                    codes.append(.digits(word))
                }
                code = (codes, line)
            case .approve, .deny, .ignore:
                try none(arguments, keyword.rawValue, line: line)
                if let (_, first) = notification {
                    throw error(line, "only one answer to the notification; line \(first) already gave one")
                }
                notification = (MethodOutcome.NotificationAnswer(rawValue: keyword.rawValue)!, line)
            }
        }

        func finish(lines: [String], now: Date, directory: (String) -> RegisteredCallee?) throws(CallScriptError) -> SignInScriptFile {
            guard sawContent else {
                throw error(1, "the script is empty; expected at least 'user' and 'ip' lines")
            }
            let end = max(lineCount, 1)
            guard let user, let userLine = seen[.user] else {
                throw error(end, "missing the 'user' line, e.g. user alice@contoso.com")
            }
            guard let ip else {
                throw error(end, "missing the 'ip' line: the client's address, e.g. ip 203.0.113.7")
            }
            if let line = seen[.browser], client != .browser {
                throw error(line, "'browser' names a browser's cookie jar; this sign-in is 'client rich-client'")
            }
            if let line = seen[.appPassword], client != .richClient {
                throw error(line, "'app-password' is for rich clients (add 'client rich-client'); a browser verifies interactively")
            }
            let evidence = try self.evidence(lines: lines, user: user, directory: directory)
            let attempt = SignInAttempt(
                user: user, time: time ?? now, ip: ip, client: client, browserID: browserID, firstFactor: firstFactor,
                intranetClaim: claim, guest: guest, risk: risk, consent: consent, appPassword: appPassword,
                method: method, remember: remember, staySignedIn: staySignedIn)
            return SignInScriptFile(
                file: file, attempt: attempt, userLine: userLine, startTime: time, methodLine: seen[.method],
                evidence: evidence)
        }

        /// Checks the evidence fits the method, and parses the call block.
        func evidence(lines: [String], user: String, directory: (String) -> RegisteredCallee?) throws(CallScriptError) -> SignInScriptFile.Evidence {
            let methodWords = "method \(method.id)\(seen[.method].map { " (line \($0))" } ?? " (the default)")"
            if let (line, block) = callBlock {
                guard method == .call else {
                    throw error(line, "a 'call' block is for method call; this sign-in uses \(methodWords)")
                }
                guard let block else {
                    throw error(line, "the 'call' block is empty: indent the call's lines under it (answer, listen, press #)")
                }
                // The block keeps its line numbers: every other line becomes blank, and the `call`
                // line itself carries the sign-in's user.
                var text = [String](repeating: "", count: block.upperBound)
                text[line - 1] = "user \(user)"
                for number in block {
                    text[number - 1] = lines[number - 1]
                }
                var script = try CallScriptParser.parse(text.joined(separator: "\n"), file: file, directory: directory)
                script.startTime = time
                return .call(script)
            }
            if let (codes, line) = code {
                switch method {
                case .text: return .codes(codes, line: line)
                case .appCode:
                    guard !codes.contains(.sent) else {
                        throw error(line, "'code sent' is for method text (an SMS); for app-code write the digits the app shows, e.g. code 123456")
                    }
                    return .codes(codes, line: line)
                case .call, .appNotification:
                    throw error(line, "'code' is for method text or app-code; this sign-in uses \(methodWords)")
                }
            }
            if let (answer, line) = notification {
                guard method == .appNotification else {
                    throw error(line, "'\(answer.rawValue)' answers an app notification; this sign-in uses \(methodWords)")
                }
                return .notification(answer, line: line)
            }
            return .none
        }
    }
}
