import Foundation
import SignIn
import Testing

@testable import CallScript

@Suite("Sign-in script parser (.signin)")
struct SignInScriptParserTests {
    static let full = """
        user alice@contoso.com
        at 2026-11-25T10:00:00Z          # optional, as in .call
        ip 203.0.113.7
        client browser
        browser b-7f3a
        first-factor password
        claim inside-corporate-network
        risk low
        method call
        remember
        stay-signed-in yes
        call
          phone +1 425 555 0100
          answer
          listen
          press #
        """

    @Test("the SPEC's example parses, and its call block keeps its line numbers")
    func example() throws {
        let script = try SignInScriptParser.parse(Self.full, file: "a.signin")
        #expect(script.attempt.user == "alice@contoso.com")
        #expect(script.attempt.ip == IPAddress("203.0.113.7"))
        #expect(script.attempt.browserID == "b-7f3a")
        #expect(script.attempt.intranetClaim && script.attempt.remember)
        #expect(script.attempt.risk == .low && script.attempt.staySignedIn == .yes)
        #expect(script.attempt.time == Date(timeIntervalSince1970: 1_795_600_800))
        guard case .call(let call) = script.evidence else {
            Issue.record("no call")
            return
        }
        #expect(call.user == "alice@contoso.com")
        #expect(call.phone == "+1 425 555 0100" && call.phoneLine == 13)
        #expect(call.actions.map(\.line) == [14, 15, 16])
        #expect(call.startTime == script.attempt.time)
    }

    @Test("an error inside the call block names the sign-in script's line")
    func blockError() {
        let text = Self.full.replacingOccurrences(of: "  press #", with: "  press x")
        #expect(throws: CallScriptError(file: "a.signin", line: 16, message: "key 1 of the press, 'x', is not a phone key; expected 0-9, *, #, A-D")) {
            try SignInScriptParser.parse(text, file: "a.signin")
        }
    }

    @Test("the directory fills the call's phone and method for a registered user; the script wins")
    func directory() throws {
        let text = "user bob@contoso.com\nip 203.0.113.7\ncall\n  answer\n  press #\n"
        let registered = RegisteredCallee(phone: "+14255550199", method: .standard)
        let script = try SignInScriptParser.parse(text, file: "b.signin") { $0 == "bob@contoso.com" ? registered : nil }
        guard case .call(let call) = script.evidence else {
            Issue.record("no call")
            return
        }
        #expect(call.phone == "+14255550199")
        #expect(throws: CallScriptError.self) { try SignInScriptParser.parse(text, file: "b.signin") }
    }

    @Test("text, app-code and app-notification evidence")
    func evidence() throws {
        let base = "user a@b.com\nip 2001:db8::7\n"
        if case .codes([.digits("111111"), .sent], _) = try SignInScriptParser.parse(base + "method text\ncode 111111 sent\n", file: "t").evidence {} else {
            Issue.record("code sent")
        }
        if case .codes([.digits("123456")], _) = try SignInScriptParser.parse(base + "method app-code\ncode 123456\n", file: "t").evidence {} else {
            Issue.record("code digits")
        }
        if case .notification(.ignore, _) = try SignInScriptParser.parse(base + "method app-notification\nignore\n", file: "t").evidence {} else {
            Issue.record("ignore")
        }
        if case .none = try SignInScriptParser.parse(base + "method text\n", file: "t").evidence {} else {
            Issue.record("nothing typed")
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let line: Int?
        let fragment: String
        var testDescription: String { name }
    }

    static let malformed: [Case] = [
        Case(name: "empty", text: "# nothing\n", line: 1, fragment: "the script is empty"),
        Case(name: "no ip", text: "user a@b.com\nmethod call\n", line: 2, fragment: "missing the 'ip' line"),
        Case(name: "no user", text: "ip 203.0.113.7\n", line: 1, fragment: "missing the 'user' line"),
        Case(name: "bad ip", text: "user a@b.com\nip 203.0.113.300\n", line: 2, fragment: "is not an IPv4 or IPv6 address"),
        Case(name: "cidr as ip", text: "user a@b.com\nip 203.0.113.0/24\n", line: 2, fragment: "is not an IPv4 or IPv6 address"),
        Case(name: "duplicate", text: "user a@b.com\nip 203.0.113.7\nip 203.0.113.8\n", line: 3, fragment: "duplicate 'ip' line; it was already given on line 2"),
        Case(name: "unknown", text: "user a@b.com\nip 203.0.113.7\nmehtod call\n", line: 3, fragment: "unknown keyword 'mehtod'"),
        Case(name: "uppercase", text: "User a@b.com\n", line: 1, fragment: "keywords are lowercase"),
        Case(name: "bad method", text: "user a@b.com\nip 203.0.113.7\nmethod sms\n", line: 3, fragment: "'method' must be one of call, text, app-notification, app-code; got 'sms'"),
        Case(name: "two-way", text: "user a@b.com\nip 203.0.113.7\nmethod two-way-text\n", line: 3, fragment: "'method' must be one of"),
        Case(name: "bad kmsi answer", text: "user a@b.com\nip 203.0.113.7\nstay-signed-in maybe\n", line: 3, fragment: "'stay-signed-in' must be one of yes, no, abandon"),
        Case(name: "code for call", text: "user a@b.com\nip 203.0.113.7\ncode 123456\n", line: 3, fragment: "'code' is for method text or app-code"),
        Case(name: "code not digits", text: "user a@b.com\nip 203.0.113.7\nmethod text\ncode 12ab56\n", line: 4, fragment: "try 1 of 'code': a typed code is 4–10 digits"),
        Case(name: "code sent for app", text: "user a@b.com\nip 203.0.113.7\nmethod app-code\ncode sent\n", line: 4, fragment: "'code sent' is for method text"),
        Case(name: "too many tries", text: "user a@b.com\nip 203.0.113.7\nmethod text\ncode 1111 2222 3333 4444 5555 sent\n", line: 4, fragment: "at most 5"),
        Case(name: "approve for text", text: "user a@b.com\nip 203.0.113.7\nmethod text\napprove\n", line: 4, fragment: "'approve' answers an app notification"),
        Case(name: "two answers", text: "user a@b.com\nip 203.0.113.7\nmethod app-notification\napprove\ndeny\n", line: 5, fragment: "only one answer"),
        Case(name: "call block for text", text: "user a@b.com\nip 203.0.113.7\nmethod text\ncall\n  answer\n", line: 4, fragment: "a 'call' block is for method call"),
        Case(name: "empty call block", text: "user a@b.com\nip 203.0.113.7\ncall\n", line: 3, fragment: "the 'call' block is empty"),
        Case(name: "user in block", text: "user a@b.com\nip 203.0.113.7\ncall\n  user b@b.com\n", line: 4, fragment: "'user' belongs to the sign-in"),
        Case(name: "stray indent", text: "user a@b.com\ncall\n  phone +1 425 555 0100\n  answer\nip 203.0.113.7\n  press #\n", line: 6, fragment: "belongs to the call block, which ended"),
        Case(name: "browser on rich client", text: "user a@b.com\nip 203.0.113.7\nclient rich-client\nbrowser b-1\n", line: 4, fragment: "'browser' names a browser"),
        Case(name: "app password on browser", text: "user a@b.com\nip 203.0.113.7\napp-password\n", line: 3, fragment: "'app-password' is for rich clients"),
        Case(name: "bad claim", text: "user a@b.com\nip 203.0.113.7\nclaim outside\n", line: 3, fragment: "claim inside-corporate-network"),
        Case(name: "guest with value", text: "user a@b.com\nip 203.0.113.7\nguest yes\n", line: 3, fragment: "'guest' takes no value"),
        Case(name: "control char", text: "user a@b.com\nip 203.0.113.7\u{07}\n", line: 2, fragment: "control character U+0007"),
        Case(name: "bad time", text: "user a@b.com\nat tomorrow\n", line: 2, fragment: "does not start with a date"),
        Case(name: "bad user", text: "user alice\n", line: 1, fragment: "is not of the form user@domain"),
        Case(name: "call block error line", text: "user a@b.com\nip 203.0.113.7\ncall\n  phone +1 425 555 0100\n\n  answer\n  wait -1\n", line: 7, fragment: "'wait' seconds cannot be negative"),
    ]

    @Test("malformed sign-in scripts are refused with their line", arguments: malformed)
    func refused(_ item: Case) {
        do {
            _ = try SignInScriptParser.parse(item.text, file: "x.signin")
            Issue.record("accepted")
        } catch {
            #expect(error.line == item.line, "\(error)")
            #expect(error.message.contains(item.fragment), "\(error)")
        }
    }

    @Test("a typed code never appears in an error")
    func codeNotEchoed() {
        do {
            _ = try SignInScriptParser.parse("user a@b.com\nip 203.0.113.7\nmethod text\ncode 98765432109\n", file: "x")
            Issue.record("accepted")
        } catch {
            #expect(!error.description.contains("98765432109"))
        }
    }

    @Test("files: a directory and non-UTF-8 bytes are refused")
    func files() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("signin-parser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: CallScriptError.self) { try SignInScriptParser.parse(contentsOf: dir) }
        let bad = dir.appendingPathComponent("bad.signin")
        try Data([0x75, 0x73, 0x65, 0x72, 0x20, 0xFF, 0x0A]).write(to: bad)
        #expect(throws: CallScriptError.self) { try SignInScriptParser.parse(contentsOf: bad) }
    }
}
