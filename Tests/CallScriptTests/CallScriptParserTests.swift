import Foundation
import Testing

@testable import CallScript

/// Parses `text` and returns the error, or records a failure when it parses.
func parseError(_ text: String, file: String = "t.call") -> CallScriptError? {
    do {
        let parsed = try CallScriptParser.parse(text, file: file)
        Issue.record("expected an error, got \(parsed.actions.count) actions")
        return nil
    } catch {
        return error
    }
}

@Suite("CallScriptParser: valid scripts")
struct CallScriptParserTests {
    /// SPEC §11's own example, comments and all.
    static let specExample = """
        user alice@contoso.com
        phone +1 425 555 0100 x1234        # number to call, optional extension
        method pin                         # standard (default) | pin
        pin 4321                           # the user's registered PIN (method pin)
        language fr-CA,fr;q=0.9,en;q=0.5   # Accept-Language value or one tag (default en-US)
        activation                         # optional: this is a phone-registration call
        at 2026-11-25T10:00:00Z            # optional: when the call starts (default: now); lets scripts
                                           # exercise lockout windows and block expiry deterministically

        answer                             # or: answer after 4   |   no-answer
        listen                             # wait until the engine next waits for the caller: the prompt
                                           # now playing, and whatever the engine plays or sends right after
                                           # it without waiting for a key, have finished (no-op when silent)
        wait 2.5                           # seconds of silence
        press 0#                           # keys 0-9 * # A-D, sent one after another
        hangup
        """

    @Test("The SPEC §11 example parses into every field")
    func specExampleParses() throws {
        let parsed = try CallScriptParser.parse(Self.specExample, file: "example.call")
        let expected = CallScriptFile(
            file: "example.call",
            user: "alice@contoso.com",
            userLine: 1,
            phone: "+1 425 555 0100 x1234",
            phoneLine: 2,
            method: .pin,
            pin: "4321",
            language: "fr-CA,fr;q=0.9,en;q=0.5",
            languageLine: 5,
            kind: .activation,
            startTime: Date(timeIntervalSince1970: 1_795_600_800),
            actions: [
                CallerAction(line: 10, kind: .answer(after: 0)),
                CallerAction(line: 11, kind: .listen),
                CallerAction(line: 14, kind: .wait(2.5)),
                CallerAction(line: 15, kind: .press("0#")),
                CallerAction(line: 16, kind: .hangup),
            ]
        )
        #expect(parsed == expected)
    }

    @Test("Defaults: standard method, no PIN, no language, not activation, no start time")
    func defaults() throws {
        let parsed = try CallScriptParser.parse("user bob@contoso.com\nphone +14255550100\nno-answer\n", file: "d")
        #expect(parsed.method == .standard)
        #expect(parsed.pin == nil)
        #expect(parsed.language == nil && parsed.languageLine == nil)
        #expect(parsed.kind == .signIn)
        #expect(parsed.startTime == nil)
        #expect(parsed.actions == [CallerAction(line: 3, kind: .noAnswer)])
    }

    @Test("In a press line the word after press is the keys, even when it holds #")
    func pressKeysMayHoldPound() throws {
        let text = """
            user a@b.com
            phone +1 425 555 0100
            answer
            press 0#  # fraud
            press #
            press #5#	# tab before the comment
            press *ABCD0123456789#
            """
        let parsed = try CallScriptParser.parse(text, file: "p")
        #expect(parsed.actions.map(\.kind) == [
            .answer(after: 0), .press("0#"), .press("#"), .press("#5#"), .press("*ABCD0123456789#"),
        ])
    }

    @Test("A # inside a word is not a comment; one after white space is")
    func commentRules() throws {
        let text = "user a#b@contoso.com # the user\nphone +1 425 555 0100 #x9\n# whole line\n   # indented\nanswer#not-a-comment-but-unknown\n"
        // `answer#…` is one word, so it is an unknown keyword rather than `answer` plus a comment.
        let error = try #require(parseError(text))
        #expect(error.line == 5)
        let fixed = text.replacingOccurrences(of: "answer#not-a-comment-but-unknown", with: "answer # picks up")
        let parsed = try CallScriptParser.parse(fixed, file: "c")
        #expect(parsed.user == "a#b@contoso.com")
        #expect(parsed.phone == "+1 425 555 0100")
        #expect(parsed.actions == [CallerAction(line: 5, kind: .answer(after: 0))])
    }

    @Test("answer after N and wait N take plain decimals")
    func seconds() throws {
        let text = "user a@b.com\nphone +1 425 555 0100\nanswer after 4.25\nwait 2.5\nwait 3600\nwait 0.001\n"
        let parsed = try CallScriptParser.parse(text, file: "s")
        #expect(parsed.actions.map(\.kind) == [.answer(after: 4.25), .wait(2.5), .wait(3600), .wait(0.001)])
        #expect(try CallScriptParser.parse("user a@b.com\nphone 1\nanswer after 0\n", file: "z").actions[0].kind == .answer(after: 0))
    }

    @Test("Actions after hangup are kept: the engine shows them as ignored")
    func actionsAfterHangup() throws {
        let parsed = try CallScriptParser.parse("user a@b.com\nphone 1\nanswer\nhangup\npress #\nwait 1\nhangup\n", file: "h")
        #expect(parsed.actions.map(\.kind) == [.answer(after: 0), .hangup, .press("#"), .wait(1), .hangup])
    }

    @Test("CRLF line ends, a byte-order mark, tabs and no final newline are accepted")
    func lineEnds() throws {
        let text = "\u{FEFF}user a@b.com\r\nphone\t+1 425\t555 0100\r\n\r\nanswer\r\npress #"
        let parsed = try CallScriptParser.parse(text, file: "crlf")
        #expect(parsed.phone == "+1 425 555 0100")
        #expect(parsed.actions == [CallerAction(line: 4, kind: .answer(after: 0)), CallerAction(line: 5, kind: .press("#"))])
    }

    @Test("A line of exactly the maximum length is accepted")
    func maximumLine() throws {
        let comment = "# " + String(repeating: "é", count: (CallScriptParser.maximumLineBytes - 2) / 2)
        #expect(comment.utf8.count == CallScriptParser.maximumLineBytes)
        let parsed = try CallScriptParser.parse("user a@b.com\nphone 1\n\(comment)\nanswer\n", file: "m")
        #expect(parsed.actions.count == 1)
        #expect(parseError("user a@b.com\nphone 1\n\(comment)x\nanswer\n")?.line == 3)
    }

    @Test("Header lines may come in any order; the method may follow the PIN")
    func headerOrder() throws {
        let text = "at 2026-11-25T10:00:00Z\npin 12345678\nactivation\nmethod pin\nphone 1\nuser u@x.org\nanswer\n"
        let parsed = try CallScriptParser.parse(text, file: "o")
        #expect(parsed.method == .pin)
        #expect(parsed.pin == "12345678")
        #expect(parsed.userLine == 6 && parsed.phoneLine == 5)
    }

    @Test("parse(contentsOf:) reads a file and names it as given")
    func readsFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("callscript-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("ok.call")
        try Data("user a@b.com\nphone 1\nanswer\n".utf8).write(to: url)
        let parsed = try CallScriptParser.parse(contentsOf: url)
        #expect(parsed.file == url.path)
        #expect(parsed.actions.count == 1)

        do {
            _ = try CallScriptParser.parse(contentsOf: directory.appendingPathComponent("missing.call"))
            Issue.record("a missing file parsed")
        } catch {
            #expect(error.line == nil)
            #expect(error.message.contains("no such file"))
        }
        do {
            _ = try CallScriptParser.parse(contentsOf: directory)
            Issue.record("a directory parsed")
        } catch {
            #expect(error.message.contains("directory"))
        }
    }

    @Test("The error description is file:line: message")
    func errorDescription() {
        #expect(CallScriptError(file: "a.call", line: 7, message: "boom").description == "a.call:7: boom")
        #expect(CallScriptError(file: "a.call", line: nil, message: "boom").description == "a.call: boom")
    }
}

@Suite("CallScriptParser: at timestamps")
struct CallScriptTimestampTests {
    static func start(_ value: String) throws -> Date? {
        try CallScriptParser.parse("user a@b.com\nphone 1\nat \(value)\nanswer\n", file: "t").startTime
    }

    @Test(
        "RFC 3339 forms",
        arguments: [
            ("2026-11-25T10:00:00Z", 1_795_600_800.0),
            ("2026-11-25t10:00:00z", 1_795_600_800.0),
            ("2026-11-25T11:30:00+01:30", 1_795_600_800.0),
            ("2026-11-25T05:00:00-05:00", 1_795_600_800.0),
            ("2026-11-25T10:00:00.5Z", 1_795_600_800.5),
            ("2026-11-25T10:00:00.000000001Z", 1_795_600_800.000000001),
            ("2028-02-29T23:59:59Z", 1_835_481_599.0),
            ("2000-03-01T00:00:00Z", 951_868_800.0),
            ("1970-01-01T00:00:00Z", 0.0),
        ]
    )
    func accepted(text: String, seconds: Double) throws {
        let date = try #require(try Self.start(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 1e-6)
    }

    @Test(
        "Malformed or impossible timestamps name the problem",
        arguments: [
            ("2026-11-25T10:00:00", "needs a time zone"),
            ("2026-11-25 10:00:00Z", "joined by 'T'"),
            ("2026-11-25", "needs 'T'"),
            ("2026-13-01T00:00:00Z", "month 13"),
            ("2026-02-29T00:00:00Z", "day 29"),
            ("2100-02-29T00:00:00Z", "day 29"),
            ("2026-04-31T00:00:00Z", "day 31"),
            ("2026-11-25T24:00:00Z", "time of day"),
            ("2026-11-25T10:60:00Z", "time of day"),
            ("2026-12-31T23:59:60Z", "leap seconds"),
            ("2026-11-25T10:00:00.Z", "fractional seconds"),
            ("2026-11-25T10:00:00.1234567890Z", "fractional seconds"),
            ("2026-11-25T10:00:00+0100", "±HH:MM"),
            ("2026-11-25T10:00:00+24:00", "offset"),
            ("2026-11-25T10:00:00Zjunk", "extra characters"),
            ("+2026-11-25T10:00:00Z", "does not start with a date"),
            ("1795600800", "does not start with a date"),
            ("now", "does not start with a date"),
        ]
    )
    func refused(text: String, fragment: String) throws {
        let error = try #require(parseError("user a@b.com\nphone 1\nat \(text)\nanswer\n"))
        #expect(error.line == 3)
        #expect(error.message.contains(fragment), "\(error.message)")
        #expect(error.message.contains("RFC 3339"))
    }
}

@Suite("CallScriptParser: rules")
struct CallScriptRuleTests {
    @Test("Errors never repeat the PIN")
    func pinNeverEchoed() throws {
        let scripts = [
            "user a@b.com\nphone 1\nmethod pin\npin 4321 4321\nanswer\n",
            "user a@b.com\nphone 1\nmethod pin\npin 43219876543\nanswer\n",
            "user a@b.com\nphone 1\nmethod pin\npin 4321x\nanswer\n",
            "user a@b.com\nphone 1\npin 4321\nanswer\n",
            "user a@b.com\nphone 1\nmethod pin\npin 4321\nanswer\npress 4321x#\n",
            "user a@b.com\nphone 1\nmethod pin\npin 4321\nanswer\npress 4321 5\n",
            "user a@b.com\nphone 1\nmethod pin\npin 4321\nanswer\n4321#\n",
            "user a@b.com\nphone 1\nmethod pin\npin 4321\nanswer\npin4321\n",
            "user a@b.com\nphone 1\nmethod pin\npin 4321\nanswer\npin 4321\n",
            "user a@b.com\nphone 1\nmethod pin\npin 4321\npin 4321\nanswer\n",
        ]
        for script in scripts {
            let error = try #require(parseError(script))
            #expect(!error.description.contains("4321"), "\(error.description)")
        }
    }

    @Test("Unknown keywords list what is expected there, with a hint")
    func unknownKeyword() throws {
        let before = try #require(parseError("usr a@b.com\n"))
        #expect(before.line == 1)
        #expect(before.message.contains("unknown keyword 'usr'"))
        #expect(before.message.contains("user, phone, method, pin, language, activation, at, answer, no-answer"))
        #expect(before.message.contains("did you mean 'user'?"))

        let after = try #require(parseError("user a@b.com\nphone 1\nanswer\nhang-up\n"))
        #expect(after.line == 4)
        #expect(after.message.contains("expected one of: listen, wait, press, hangup"))
        #expect(after.message.contains("did you mean 'hangup'?"))

        let upper = try #require(parseError("user a@b.com\nphone 1\nANSWER\n"))
        #expect(upper.message.contains("keywords are lowercase: 'answer'"))
    }

    @Test(
        "Every key outside 0-9 * # A-D is refused, naming its position",
        arguments: ["e", "a", "d", "+", "x", "é", "０", "🙂", ",", "p"]
    )
    func badKey(key: String) throws {
        let error = try #require(parseError("user a@b.com\nphone 1\nanswer\npress 12\(key)#\n"))
        #expect(error.line == 4)
        #expect(error.message.contains("key 3 of the press"))
        #expect(error.message.contains("expected 0-9, *, #, A-D"))
    }

    @Test(
        "Seconds must be plain decimals within limits",
        arguments: [
            ("wait -1", "cannot be negative"), ("wait -0.5", "cannot be negative"), ("wait NaN", "not a number"),
            ("wait nan", "not a number"), ("wait inf", "not a number"), ("wait 1e3", "not a number"),
            ("wait 0x10", "not a number"), ("wait .5", "not a number"), ("wait 5.", "not a number"),
            ("wait 1.2.3", "not a number"), ("wait +1", "not a number"), ("wait 1,5", "not a number"),
            ("wait 0", "more than 0"), ("wait 0.000", "more than 0"), ("wait 3600.001", "over the limit"),
            ("wait 99999999999999999999999999", "over the limit"), ("wait", "needs one number"),
            ("wait 1 2", "needs one number"),
        ]
    )
    func waitValues(line: String, fragment: String) throws {
        let error = try #require(parseError("user a@b.com\nphone 1\nanswer\n\(line)\n"))
        #expect(error.line == 4)
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test(
        "answer takes nothing or 'after SECONDS'",
        arguments: [
            ("answer after", "expected 'answer' or 'answer after SECONDS'"),
            ("answer later 4", "expected 'answer' or 'answer after SECONDS'"),
            ("answer after -4", "cannot be negative"),
            ("answer after 3601", "over the limit"),
            ("answer after 4 5", "expected 'answer' or 'answer after SECONDS'"),
            ("no-answer now", "'no-answer' takes no value"),
        ]
    )
    func answerValues(line: String, fragment: String) throws {
        let error = try #require(parseError("user a@b.com\nphone 1\n\(line)\n"))
        #expect(error.line == 3)
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test(
        "user names must look like user@domain",
        arguments: ["alice", "@contoso.com", "alice@", "a@b@c.com", "alice@contoso..com", "alice@.com", "alice@contoso.com.", "alice@con_toso.com"]
    )
    func badUser(name: String) throws {
        let error = try #require(parseError("user \(name)\nphone 1\nanswer\n"))
        #expect(error.line == 1)
        #expect(error.message.contains("not of the form user@domain"))
    }

    @Test("Internationalised domains and plus-addressing are accepted")
    func goodUsers() throws {
        for name in ["alice+mfa@contoso.com", "o'brien@sub.contoso.co.uk", "jörg@bücher.de", "a@localhost"] {
            #expect(try CallScriptParser.parse("user \(name)\nphone 1\nanswer\n", file: "u").user == name)
        }
    }

    @Test("A PIN is 4 to 8 ASCII digits", arguments: ["123", "123456789", "12a4", "١٢٣٤", "12 34"])
    func badPIN(pin: String) throws {
        let error = try #require(parseError("user a@b.com\nphone 1\nmethod pin\npin \(pin)\nanswer\n"))
        #expect(error.line == 4)
        #expect(error.message.contains("the PIN must be 4–8 digits"))
    }

    @Test("Each header at most once, naming both lines", arguments: ["user a@b.com", "phone 2", "method standard", "language en", "activation", "at 2026-01-01T00:00:00Z"])
    func duplicateHeaders(line: String) throws {
        let error = try #require(parseError("user a@b.com\nphone 1\nmethod standard\nlanguage en\nactivation\nat 2026-01-01T00:00:00Z\n\(line)\nanswer\n"))
        #expect(error.line == 7)
        #expect(error.message.contains("duplicate"))
        #expect(error.message.contains("already given on line"))
    }

    @Test("Header lines after the first action are refused")
    func headerAfterAction() throws {
        let error = try #require(parseError("user a@b.com\nphone 1\nno-answer\nactivation\n"))
        #expect(error.line == 4)
        #expect(error.message.contains("must come before the first action (line 3)"))
    }

    @Test("Missing headers point at the first action, or the end when there is none")
    func missingHeaders() throws {
        #expect(parseError("phone 1\n# c\nanswer\n")?.line == 3)
        #expect(parseError("user a@b.com\nlisten\n")?.message.contains("the first action must be") == true)
        let noActions = try #require(parseError("user a@b.com\nphone 1\n\n# nothing\n"))
        #expect(noActions.line == 4)
        #expect(noActions.message.contains("no actions"))
    }

    @Test("A 1 MB line is refused by its length at its own line")
    func megabyteLine() throws {
        let line = String(repeating: "x", count: 1_000_000)
        let error = try #require(parseError("user a@b.com\nphone 1\n\(line)\nanswer\n"))
        #expect(error.line == 3)
        #expect(error.message.contains("line too long (1000000 bytes)"))
        #expect(error.message.count < 200)
    }
}
