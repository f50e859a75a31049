import Foundation
import VoiceCall
import RegularFile

/// Reads the `.call` format of SPEC §11 into a ``CallScriptFile``.
///
/// The format is line-oriented UTF-8. A comment is a `#` that starts a line or follows white space
/// (space or tab); in a `press` line the key string is the one word after `press` and may itself
/// contain `#`, so `press 0#  # fraud` presses `0#`. Header lines (`user`, `phone`, `method`, `pin`,
/// `language`, `activation`, `at`) come first, each at most once; then the caller's actions
/// (`answer`, `answer after SECONDS`, `no-answer`, `listen`, `wait SECONDS`, `press KEYS`, `hangup`).
///
/// Decisions where the SPEC is silent:
/// - `user` and `phone` are required. `method` defaults to `standard`; `pin` is required for
///   `method pin` and refused for a standard call.
/// - The first action must be `answer`, `answer after SECONDS` or `no-answer`, so a script says
///   explicitly whether the phone is picked up; a script with no action is refused. Only one of
///   them may appear, and nothing may follow `no-answer`.
/// - Actions after `hangup` are allowed: the engine shows them as ignored (SPEC §2).
/// - Keywords are lowercase. Keys are `0-9 * # A-D`, letters uppercase only.
/// - Seconds are plain decimals (`2.5`): no sign, exponent, `nan` or `inf`; `wait` takes more than
///   0 and at most ``maximumSeconds``, `answer after` takes 0 to ``maximumSeconds``.
/// - `at` is an RFC 3339 timestamp with `Z` or a numeric offset, fractional seconds allowed.
/// - A line may hold at most ``maximumLineBytes`` bytes of UTF-8, and no control character other
///   than tab (a final carriage return of a CRLF line is dropped). A leading byte-order mark is
///   skipped.
///
/// Errors name the line and what was expected, and never repeat a PIN.
public enum CallScriptParser {
    /// The largest script file accepted, in bytes (1 MiB).
    public static let maximumFileBytes = 1_048_576
    /// The longest line accepted, in bytes of UTF-8.
    public static let maximumLineBytes = 4_096
    /// The longest `wait` and the latest `answer after`, in seconds (one hour).
    public static let maximumSeconds: Double = 3_600

    /// Parses a script already held as text.
    ///
    /// - Parameters:
    ///   - text: The script.
    ///   - file: The path or name to put in error messages.
    /// - Throws: ``CallScriptError`` naming the first line at fault.
    public static func parse(
        _ text: String, file: String, directory: (String) -> RegisteredCallee? = { _ in nil }
    ) throws(CallScriptError) -> CallScriptFile {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(CallScriptError) in try self.parse(lines: bytes, file: file, directory: directory) }
        }.get()
    }

    /// The parser proper, over well-formed UTF-8 (a `String`'s, or a file's once checked).
    ///
    /// It works on the bytes: lines end at `\n`, words at a space or a tab, and every byte that
    /// matters to the format is ASCII, so only the words become strings. A leading byte-order
    /// mark is skipped; the empty piece after a final newline is not a line of its own.
    static func parse(
        lines bytes: UnsafeBufferPointer<UInt8>, file: String, directory: (String) -> RegisteredCallee?
    ) throws(CallScriptError) -> CallScriptFile {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            start = 3
        }
        var builder = Builder(file: file)
        var number = 0
        while true {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            if end == bytes.count, start == end, number > 0 {
                break  // after the final newline
            }
            number += 1
            try builder.take(UnsafeBufferPointer(rebasing: bytes[start..<end]), number: number)
            if end == bytes.count { break }
            start = end + 1
        }
        return try builder.finish(lineCount: number, directory: directory)
    }

    /// Reads and parses a script file.
    ///
    /// The bytes are checked before any parsing: a file larger than ``maximumFileBytes`` is refused
    /// without reading it all, and so are bytes that are not UTF-8 and NUL bytes (each with its line).
    ///
    /// - Parameter url: A file URL; error messages use its path as given (relative stays relative).
    /// - Throws: ``CallScriptError``.
    public static func parse(
        contentsOf url: URL, directory: (String) -> RegisteredCallee? = { _ in nil }
    ) throws(CallScriptError) -> CallScriptFile {
        let name = url.isFileURL ? url.relativePath : url.absoluteString
        return try self.parse(bytes: try self.readBytes(ofPath: url.path, name: name), file: name, directory: directory)
    }

    /// Reads and parses the script at `path`, a path as a command line gives it; error messages
    /// name it as given.
    ///
    /// The same as `parse(contentsOf: URL(fileURLWithPath: path))`, without building a URL for the
    /// usual path (a batch reads thousands): a path Foundation would rewrite (empty, starting with
    /// `~`, ending in `/`) still goes through the URL, so every path names and opens the same file.
    public static func parse(
        path: String, directory: (String) -> RegisteredCallee? = { _ in nil }
    ) throws(CallScriptError) -> CallScriptFile {
        guard let first = path.utf8.first, first != UInt8(ascii: "~"), path.utf8.last != UInt8(ascii: "/") else {
            return try self.parse(contentsOf: URL(fileURLWithPath: path), directory: directory)
        }
        return try self.parse(bytes: try self.readBytes(ofPath: path, name: path), file: path, directory: directory)
    }

    /// Parses a script from raw bytes, as read from a file: what `parse(contentsOf:)` does after
    /// reading, and the entry point for fuzzing.
    ///
    /// More than ``maximumFileBytes`` bytes, a NUL byte, or bytes that are not well-formed UTF-8
    /// are refused before any parsing (the last two with their line).
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - file: The path or name to put in error messages.
    /// - Throws: ``CallScriptError``.
    public static func parse(
        bytes: [UInt8], file: String, directory: (String) -> RegisteredCallee? = { _ in nil }
    ) throws(CallScriptError) -> CallScriptFile {
        guard bytes.count <= self.maximumFileBytes else {
            throw CallScriptError(file: file, line: nil, message: self.tooLargeMessage)
        }
        if let (offset, isNUL) = self.firstBadByte(in: bytes) {
            let line = 1 + bytes[..<offset].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            let message =
                isNUL
                ? "NUL byte: a call script is UTF-8 text"
                : "bytes that are not valid UTF-8 (at byte \(offset + 1) of the file): a call script is UTF-8 text"
            throw CallScriptError(file: file, line: line, message: message)
        }
        return try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(CallScriptError) in try self.parse(lines: buffer, file: file, directory: directory) }
        }.get()
    }

    /// The `user@domain` shape check, for the `.signin` parser.
    static func looksLikeUserName(_ word: String) -> Bool { Builder.isUserName(word) }

    static let tooLargeMessage = "the file is larger than 1 MiB (1,048,576 bytes); a call script is a short text file"
}

// MARK: - Reading bytes

extension CallScriptParser {
    /// Reads at most one byte more than the limit, so a huge file (or `/dev/zero`) is refused
    /// by its size without being read; a FIFO, a device or a directory is refused at once,
    /// never waited on (SPEC §13).
    ///
    /// A path that cannot be opened is "no such file" when nothing is there to see (checked only
    /// after the open failed, so a good file costs no extra lookup), else the system's reason.
    static func readBytes(ofPath path: String, name: String) throws(CallScriptError) -> [UInt8] {
        do {
            return try RegularFile.contents(ofPath: path, limit: self.maximumFileBytes)
        } catch .cannotOpen(let why) {
            guard FileManager.default.fileExists(atPath: path) else {
                throw CallScriptError(file: name, line: nil, message: "no such file")
            }
            throw CallScriptError(file: name, line: nil, message: "cannot read the file: \(why)")
        } catch .tooLarge {
            throw CallScriptError(file: name, line: nil, message: self.tooLargeMessage)
        } catch .notRegular(let kind) {
            throw CallScriptError(file: name, line: nil, message: "is \(kind.description), not a call script")
        } catch {
            throw CallScriptError(file: name, line: nil, message: "cannot read the file: \(error.message)")
        }
    }

    /// The offset of the first NUL byte or of the first byte that does not belong to well-formed
    /// UTF-8 (overlong forms, surrogates and code points past U+10FFFF are ill-formed), whichever
    /// comes first; `nil` when the bytes are clean.
    static func firstBadByte(in bytes: [UInt8]) -> (offset: Int, isNUL: Bool)? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead == 0 {
                return (index, true)
            }
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: return (index, false)
            }
            guard index + length <= bytes.count else {
                return (index, false)
            }
            // Only the second byte has a narrowed range; the rest are plain continuation bytes.
            let second = bytes[index + 1]
            guard second >= lowest, second <= highest else {
                return (index, false)
            }
            for next in (index + 2)..<(index + length) where bytes[next] & 0xC0 != 0x80 {
                return (index, false)
            }
            index += length
        }
        return nil
    }
}

// MARK: - Building the file line by line

extension CallScriptParser {
    /// The header keywords, in the order the SPEC lists them.
    private enum Header: String, CaseIterable {
        case user, phone, method, pin, language, activation, at
    }

    /// The action keywords.
    private enum ActionKeyword: String, CaseIterable {
        case answer
        case noAnswer = "no-answer"
        case listen, wait, press, hangup
    }

    /// Collects header values and actions while the lines go by, then checks the whole.
    private struct Builder {
        let file: String
        var headerLines: [Header: Int] = [:]
        var user: String?
        var phone: String?
        var method: VerificationMethod.Name = .standard
        var pin: String?
        var language: String?
        var kind: CallKind = .signIn
        var startTime: Date?
        var actions: [CallerAction] = []
        /// The line of the `answer` or `no-answer` action, once seen.
        var answerLine: Int?
        var noAnswerLine: Int?
        var sawContent = false

        init(file: String) {
            self.file = file
        }

        func error(_ line: Int?, _ message: String) -> CallScriptError {
            CallScriptError(file: self.file, line: line, message: message)
        }

        // MARK: One line

        /// Takes one line (without its `\n`): checks its length and characters, splits it into
        /// words and hands them to the header or action it starts.
        mutating func take(_ raw: UnsafeBufferPointer<UInt8>, number: Int) throws(CallScriptError) {
            guard raw.count <= CallScriptParser.maximumLineBytes else {
                throw self.error(
                    number,
                    "line too long (\(raw.count) bytes); a line may hold at most \(CallScriptParser.maximumLineBytes) bytes"
                )
            }
            var end = raw.count
            if end > 0, raw[end - 1] == 0x0D {
                end -= 1
            }
            if let scalar = Self.firstForbidden(in: raw, end: end) {
                let message =
                    scalar == 0
                    ? "NUL byte: a call script is UTF-8 text"
                    : "control character U+\(Self.hex(scalar)) is not allowed; a call script is plain text"
                throw self.error(number, message)
            }
            var words: [String] = []
            var index = 0
            while index < end {
                while index < end, raw[index] == 0x20 || raw[index] == 0x09 { index += 1 }
                let wordStart = index
                while index < end, raw[index] != 0x20, raw[index] != 0x09 { index += 1 }
                if index > wordStart {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: raw[wordStart..<index]), as: UTF8.self))
                }
            }
            guard let keyword = words.first, !keyword.hasPrefix("#") else {
                return  // blank or comment line
            }
            self.sawContent = true
            if keyword == ActionKeyword.press.rawValue {
                // The word after `press` is the key string even when it starts with `#`.
                let keys = words.count > 1 ? words[1] : nil
                let rest = Self.uncommented(words.dropFirst(2))
                try self.takePress(keys: keys, extra: rest, line: number)
                return
            }
            let arguments = Self.uncommented(words.dropFirst())
            if let header = Header(rawValue: keyword) {
                try self.takeHeader(header, arguments, line: number)
            } else if let action = ActionKeyword(rawValue: keyword) {
                try self.takeAction(action, arguments, line: number)
            } else {
                throw self.error(number, self.unknownKeywordMessage(keyword))
            }
        }

        /// The words before the first one that starts a comment.
        static func uncommented(_ words: ArraySlice<String>) -> [String] {
            Array(words.prefix(while: { !$0.hasPrefix("#") }))
        }

        /// The first control character in `line[..<end]` other than tab — C0, DEL or C1 (U+0080–
        /// U+009F, the UTF-8 bytes `C2 80`–`C2 9F`) — as its code point, or `nil`.
        static func firstForbidden(in line: UnsafeBufferPointer<UInt8>, end: Int) -> UInt32? {
            var index = 0
            while index < end {
                let byte = line[index]
                if (byte < 0x20 && byte != 0x09) || byte == 0x7F {
                    return UInt32(byte)
                }
                if byte == 0xC2, index + 1 < end, (0x80...0x9F).contains(line[index + 1]) {
                    return UInt32(line[index + 1])
                }
                index += 1
            }
            return nil
        }

        static func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }

        // MARK: Headers

        mutating func takeHeader(_ header: Header, _ arguments: [String], line: Int) throws(CallScriptError) {
            if let answerLine = self.answerLine ?? self.actions.first?.line {
                throw self.error(
                    line,
                    "'\(header.rawValue)' is a header line and must come before the first action (line \(answerLine))"
                )
            }
            if let first = self.headerLines[header] {
                throw self.error(line, "duplicate '\(header.rawValue)' line; it was already given on line \(first)")
            }
            self.headerLines[header] = line
            switch header {
            case .user:
                guard arguments.count == 1 else {
                    throw self.error(
                        line,
                        arguments.isEmpty
                            ? "'user' needs a user name, e.g. user alice@contoso.com"
                            : "'user' takes one word, a user name like alice@contoso.com; got \(arguments.count) words"
                    )
                }
                guard Self.isUserName(arguments[0]) else {
                    throw self.error(
                        line,
                        "user name \(quoted(arguments[0])) is not of the form user@domain (e.g. alice@contoso.com)"
                    )
                }
                self.user = arguments[0]
            case .phone:
                guard !arguments.isEmpty else {
                    throw self.error(line, "'phone' needs the number to call, e.g. phone +1 425 555 0100 x1234")
                }
                self.phone = arguments.joined(separator: " ")
            case .method:
                guard arguments.count == 1, let method = VerificationMethod.Name(rawValue: arguments[0]) else {
                    let got = arguments.isEmpty ? "nothing" : quoted(arguments.joined(separator: " "))
                    throw self.error(line, "'method' must be 'standard' or 'pin'; got \(got)")
                }
                self.method = method
            case .pin:
                // Never echo the value: it may be a real PIN, even when malformed.
                guard arguments.count == 1, PINCheck.isValidPIN(arguments[0]) else {
                    throw self.error(line, "the PIN must be 4–8 digits (0-9), written as one word after 'pin'")
                }
                self.pin = arguments[0]
            case .language:
                guard !arguments.isEmpty else {
                    throw self.error(
                        line,
                        "'language' needs an Accept-Language value or a language tag, e.g. language fr-CA,fr;q=0.9"
                    )
                }
                self.language = arguments.joined(separator: " ")
            case .activation:
                guard arguments.isEmpty else {
                    throw self.error(line, "'activation' takes no value; write the word alone to mark a phone-registration call")
                }
                self.kind = .activation
            case .at:
                guard arguments.count == 1 else {
                    throw self.error(
                        line,
                        arguments.isEmpty
                            ? "'at' needs a timestamp, e.g. at 2026-11-25T10:00:00Z"
                            : "'at' takes one word, an RFC 3339 timestamp like 2026-11-25T10:00:00Z (date and time joined by 'T')"
                    )
                }
                switch CallScriptParser.timestamp(arguments[0]) {
                case .success(let date): self.startTime = date
                case .failure(let problem): throw self.error(line, problem.message)
                }
            }
        }

        /// A simple `user@domain` shape: one `@`, a non-empty local part, and a domain of non-empty
        /// dot-separated labels made of letters, digits and hyphens. The stricter user-name rules
        /// belong to the engine.
        static func isUserName(_ word: String) -> Bool {
            let parts = word.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                return false
            }
            let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
            return labels.allSatisfy { label in
                guard !label.isEmpty else { return false }
                // The usual all-ASCII label is checked on its bytes, without Unicode property lookups.
                if label.utf8.allSatisfy({ $0 < 0x80 }) {
                    return label.utf8.allSatisfy { byte in
                        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D
                    }
                }
                return label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            }
        }

        // MARK: Actions

        mutating func takeAction(_ action: ActionKeyword, _ arguments: [String], line: Int) throws(CallScriptError) {
            try self.checkOrder(of: action, line: line)
            let kind: CallerAction.Kind
            switch action {
            case .answer:
                if arguments.isEmpty {
                    kind = .answer(after: 0)
                } else if arguments.count == 2, arguments[0] == "after" {
                    kind = .answer(after: try self.seconds(arguments[1], for: "answer after", allowZero: true, line: line))
                } else {
                    throw self.error(line, "expected 'answer' or 'answer after SECONDS' (e.g. answer after 4)")
                }
                self.answerLine = line
            case .noAnswer:
                try self.expectNoArguments(arguments, "no-answer", line: line)
                kind = .noAnswer
                self.answerLine = line
                self.noAnswerLine = line
            case .listen:
                try self.expectNoArguments(arguments, "listen", line: line)
                kind = .listen
            case .wait:
                guard arguments.count == 1 else {
                    throw self.error(line, "'wait' needs one number of seconds, e.g. wait 2.5")
                }
                kind = .wait(try self.seconds(arguments[0], for: "wait", allowZero: false, line: line))
            case .hangup:
                try self.expectNoArguments(arguments, "hangup", line: line)
                kind = .hangup
            case .press:
                preconditionFailure("press lines are handled by takePress")
            }
            self.actions.append(CallerAction(line: line, kind: kind))
        }

        mutating func takePress(keys: String?, extra: [String], line: Int) throws(CallScriptError) {
            try self.checkOrder(of: .press, line: line)
            guard let keys, !keys.isEmpty else {
                throw self.error(line, "'press' needs the keys to press as one word, e.g. press 0#")
            }
            guard extra.isEmpty else {
                throw self.error(
                    line,
                    "'press' takes one word of keys; write them together (press 1234#) or start a comment with ' #'"
                )
            }
            for (position, key) in keys.enumerated() where DTMFKey(key) == nil {
                // Name only the offending character: the rest of the word may be a PIN.
                let shown = key.unicodeScalars.allSatisfy { $0.isASCII } ? "'\(key)'" : "U+\(Self.hex(key.unicodeScalars.first!.value))"
                var message = "key \(position + 1) of the press, \(shown), is not a phone key; expected 0-9, *, #, A-D"
                if let letter = key.unicodeScalars.first, ("a"..."d").contains(letter) {
                    message += " (the letters are uppercase)"
                }
                throw self.error(line, message)
            }
            self.actions.append(CallerAction(line: line, kind: .press(keys)))
        }

        /// The first action must pick up (or not); only one may; nothing follows `no-answer`.
        func checkOrder(of action: ActionKeyword, line: Int) throws(CallScriptError) {
            if let noAnswerLine = self.noAnswerLine {
                throw self.error(
                    line,
                    "no action may follow 'no-answer' (line \(noAnswerLine)): the phone is never picked up"
                )
            }
            let picksUp = action == .answer || action == .noAnswer
            if let answerLine = self.answerLine {
                if picksUp {
                    throw self.error(
                        line,
                        "'\(action.rawValue)' again: the call was already answered on line \(answerLine); only one answer per call"
                    )
                }
            } else if !picksUp {
                throw self.error(
                    line,
                    "the first action must be 'answer', 'answer after SECONDS' or 'no-answer'; got '\(action.rawValue)'"
                )
            }
        }

        func expectNoArguments(_ arguments: [String], _ keyword: String, line: Int) throws(CallScriptError) {
            guard arguments.isEmpty else {
                throw self.error(line, "'\(keyword)' takes no value; got \(quoted(arguments.joined(separator: " ")))")
            }
        }

        /// A plain decimal number of seconds (`2`, `2.5`), finite and within the limits.
        func seconds(_ word: String, for keyword: String, allowZero: Bool, line: Int) throws(CallScriptError) -> Double {
            let limit = Int(CallScriptParser.maximumSeconds)
            if word.hasPrefix("-") {
                throw self.error(line, "'\(keyword)' seconds cannot be negative; got \(quoted(word))")
            }
            let parts = word.split(separator: ".", omittingEmptySubsequences: false)
            let isDecimal =
                (1...2).contains(parts.count) && parts.allSatisfy { part in
                    !part.isEmpty && part.utf8.allSatisfy { (0x30...0x39).contains($0) }
                }
            guard isDecimal, let value = Double(word), value.isFinite else {
                throw self.error(
                    line,
                    "\(quoted(word)) is not a number of seconds for '\(keyword)'; expected a decimal like 2.5 (no sign, no exponent)"
                )
            }
            if !allowZero, value == 0 {
                throw self.error(line, "'\(keyword)' needs more than 0 seconds")
            }
            guard value <= CallScriptParser.maximumSeconds else {
                throw self.error(line, "'\(keyword)' \(quoted(word)) is over the limit of \(limit) seconds")
            }
            return value
        }

        // MARK: Unknown keywords

        func unknownKeywordMessage(_ word: String) -> String {
            let expected: [String]
            if self.answerLine == nil {
                expected = Header.allCases.map(\.rawValue) + ["answer", "no-answer"]
            } else {
                expected = ["listen", "wait", "press", "hangup"]
            }
            // A word with digits in it may be a mistyped PIN line: do not repeat it.
            let shown = word.contains(where: \.isNumber) ? "" : " \(quoted(word))"
            var message = "unknown keyword\(shown); expected one of: \(expected.joined(separator: ", "))"
            let known = Header.allCases.map(\.rawValue) + ActionKeyword.allCases.map(\.rawValue)
            if shown.isEmpty {
                return message
            }
            if known.contains(word.lowercased()) {
                message += " (keywords are lowercase: '\(word.lowercased())')"
            } else if (3...20).contains(word.count), let near = known.first(where: { EditDistance.levenshtein($0, word) <= 2 }) {
                message += " (did you mean '\(near)'?)"
            }
            return message
        }

        // MARK: The whole script

        func finish(lineCount: Int, directory: (String) -> RegisteredCallee?) throws(CallScriptError) -> CallScriptFile {
            guard self.sawContent else {
                throw self.error(
                    1,
                    "the script is empty; expected header lines (user, phone) and then an action (answer or no-answer)"
                )
            }
            let end = max(lineCount, 1)
            let firstAction = self.actions.first?.line ?? end
            guard let user = self.user, let userLine = self.headerLines[.user] else {
                throw self.error(
                    firstAction,
                    "missing the 'user' line: name the user before the first action, e.g. user alice@contoso.com"
                )
            }
            // What the script leaves out comes from the users directory (SPEC §8.1); what it states
            // wins. A script that states its phone, its method and (for a PIN call) its PIN needs
            // nothing from the directory, so it is not asked: one lookup less per call in a batch.
            let needsDirectory = self.phone == nil || self.headerLines[.method] == nil || (self.method == .pin && self.pin == nil)
            let registered = needsDirectory ? directory(user) : nil
            guard let phone = self.phone ?? registered?.phone,
                  let phoneLine = self.headerLines[.phone] ?? (registered == nil ? nil : userLine)
            else {
                throw self.error(
                    firstAction,
                    "missing the 'phone' line: give the number to call before the first action, e.g. phone +1 425 555 0100 (or register the user with ivr users add)"
                )
            }
            let method = self.headerLines[.method] == nil ? (registered?.method ?? self.method) : self.method
            switch (method, self.pin) {
            case (.pin, nil) where registered?.hasPIN == true:
                break  // the engine checks the keyed entries against the directory's PIN hash
            case (.pin, nil):
                throw self.error(
                    self.headerLines[.method] ?? userLine,
                    "'method pin' needs a 'pin' line with the user's registered PIN (4–8 digits)"
                )
            case (.standard, .some):
                throw self.error(
                    self.headerLines[.pin],
                    "a PIN is only used by 'method pin'; this is a standard call (add 'method pin' or remove the pin line)"
                )
            case (.pin, .some), (.standard, nil):
                break
            }
            guard !self.actions.isEmpty else {
                throw self.error(
                    end,
                    "no actions: after the header lines, the caller's part must start with 'answer', 'answer after SECONDS' or 'no-answer'"
                )
            }
            return CallScriptFile(
                file: self.file,
                user: user,
                userLine: userLine,
                phone: phone,
                phoneLine: phoneLine,
                method: method,
                pin: self.pin,
                language: self.language,
                languageLine: self.headerLines[.language],
                kind: self.kind,
                startTime: self.startTime,
                actions: self.actions
            )
        }
    }
}

// MARK: - Helpers

/// A word from the script for an error message, cut short when long.
private func quoted(_ word: String) -> String {
    let limit = 40
    return word.count > limit ? "'\(word.prefix(limit))…'" : "'\(word)'"
}
