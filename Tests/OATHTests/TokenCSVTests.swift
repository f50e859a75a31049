import Foundation
import OATH
import Testing
import VoiceCall

@Suite struct TokenCSVTests {
    static let header = "upn,serial number,secret key,time interval,manufacturer,model\n"
    /// 16 Base32 characters = 80 bits, the shortest secret accepted.
    static let secret80 = "JBSWY3DPEHPK3PXP"
    static let secret160 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

    private func plan(_ rows: String, existing: TokenCSV.Existing = .init()) throws -> TokenImportPlan {
        try TokenCSV.plan(Self.header + rows, existing: existing)
    }

    private func reason(_ row: String, existing: TokenCSV.Existing = .init()) throws -> String? {
        try plan(row + "\n", existing: existing).refused.first?.reason
    }

    @Test func goodRowsAreAccepted() throws {
        let result = try plan("""
            alice@contoso.com,1234567,\(Self.secret80),30,Contoso,hardwarekey
            Bob@Contoso.com,"SN-2","\(Self.secret160.lowercased())",60,"Fabrikam, Inc.",HK 2\r
            carol@contoso.com,SN-3,JBSW Y3DP EHPK 3PXP,30,,
            dave@contoso.com,SN-4,nbswy3dpeb3w64tmmq======,30,Contoso,m
            """)
        #expect(result.refused == [])
        #expect(result.accepted.map(\.line) == [2, 3, 4, 5])
        let bob = result.accepted[1].seed
        #expect(bob.user.value == "bob@contoso.com" && bob.serial == "SN-2" && bob.interval == .seconds60)
        #expect(bob.manufacturer == "Fabrikam, Inc." && bob.model == "HK 2")
        #expect(bob.secret == Array("1234567890123456789012345678901234567890".utf8.prefix(20)))
        #expect(!String(describing: bob).contains(Self.secret160) && String(describing: bob).contains("secret hidden"))
    }

    @Test func headerIsCaseInsensitiveWithBOMAndCRLF() throws {
        let text = "\u{FEFF}UPN,Serial Number,Secret Key,Time Interval,Manufacturer,Model\r\nalice@contoso.com,S1,\(Self.secret80),30,C,M\r\n"
        #expect(try TokenCSV.plan(text, existing: .init()).accepted.count == 1)
        #expect(try TokenCSV.plan(Data(text.utf8), existing: .init()).accepted.count == 1)
    }

    @Test func wrongMissingOrUnreadableHeaderRefusesTheFile() {
        #expect(throws: TokenFileError.self) { try TokenCSV.plan("upn,serial,secret key,time interval,manufacturer,model\n", existing: .init()) }
        #expect(throws: TokenFileError.self) { try TokenCSV.plan("alice@contoso.com,S1,\(Self.secret80),30,C,M\n", existing: .init()) }
        #expect(throws: TokenFileError.self) { try TokenCSV.plan("", existing: .init()) }
        #expect(throws: TokenFileError(line: 2, reason: "the file is not UTF-8 text")) {
            try TokenCSV.plan(Data(Self.header.utf8) + Data([0x61, 0xFF, 0x0A]), existing: .init())
        }
    }

    @Test func theSeedsExampleSecretIsRefusedBecauseOfItsDigitOne() throws {
        // The seed's sample row; its secret contains '1', which is not Base32.
        let reason = try #require(try reason("Helga@contoso.com,1234567,1234567abcdef1234567abcdef,60,Contoso,HardwareKey"))
        #expect(reason.contains("secret key: '1' is not a Base32 character"))
        #expect(reason.contains("0, 1, 8 and 9 are not Base32"))
    }

    @Test func eachRefusalHasItsReason() throws {
        let cases: [(String, String)] = [
            ("alice,S1,\(Self.secret80),30,C,M", "upn: no '@' between user and domain"),
            ("alice@contoso.com,,\(Self.secret80),30,C,M", "serial number: it is empty"),
            ("alice@contoso.com,S 1,\(Self.secret80),30,C,M", "serial number: the character ' ' is not allowed"),
            ("alice@contoso.com,S1,JBSWY3DPEHPK3PX8,30,C,M", "secret key: '8' is not a Base32 character"),
            ("alice@contoso.com,S1,JBSWY3DPEHPK3PX0,30,C,M", "secret key: '0' is not a Base32 character"),
            ("alice@contoso.com,S1,JBSWY3DPEHPK3PX9,30,C,M", "secret key: '9' is not a Base32 character"),
            ("alice@contoso.com,S1,JBSWY3DPEHPK3PX,30,C,M", "secret key: 72 bits; at least 80 bits"),
            ("alice@contoso.com,S1,JBSWY3DPEHPK3P,30,C,M", "secret key: 14 Base32 characters cannot encode whole bytes"),
            ("alice@contoso.com,S1,JBSWY3DP=EHPK3PXP,30,C,M", "secret key: '=' padding may only come at the end"),
            ("alice@contoso.com,S1,\(String(repeating: "A", count: 136)),30,C,M", "secret key: 136 characters; at most 128"),
            ("alice@contoso.com,S1,,30,C,M", "secret key: it is empty"),
            ("alice@contoso.com,S1,\(Self.secret80),45,C,M", "time interval: '45' is not 30 or 60"),
            ("alice@contoso.com,S1,\(Self.secret80),,C,M", "time interval: '' is not 30 or 60"),
            ("alice@contoso.com,S1,\(Self.secret80),30,C", "expected 6 fields"),
            ("alice@contoso.com,S1,\(Self.secret80),30,C,M,extra", "expected 6 fields"),
            ("alice@contoso.com,S1,\(Self.secret80),30,\"C\u{7}\",M", "manufacturer: control characters"),
            ("alice@contoso.com,S\"1,\(Self.secret80),30,C,M", "a double quote inside an unquoted field"),
        ]
        for (row, expected) in cases {
            let reason = try #require(try reason(row), "row was accepted: \(row)")
            #expect(reason.contains(expected), "\(row) → \(reason)")
            #expect(!reason.contains(Self.secret80), "a reason repeats the secret: \(reason)")
        }
        // Exactly 128 characters is allowed.
        #expect(try reason("alice@contoso.com,S1,\(String(repeating: "A", count: 128)),30,C,M") == nil)
    }

    @Test func severalProblemsInOneRowAreAllNamed() throws {
        let reason = try #require(try reason("nobody,,XYZ1,90,C,M"))
        #expect(reason.contains("upn:") && reason.contains("serial number:") && reason.contains("secret key:") && reason.contains("time interval:"))
    }

    @Test func duplicateSerialsInTheFileOrAlreadyStored() throws {
        let result = try plan("""
            alice@contoso.com,S1,\(Self.secret80),30,C,M
            bob@contoso.com,s1,\(Self.secret80),30,C,M
            bob@contoso.com,OLD-7,\(Self.secret80),30,C,M
            """, existing: .init(serials: ["old-7"]))
        #expect(result.accepted.map(\.line) == [2])
        #expect(result.refused.map(\.line) == [3, 4])
        #expect(result.refused[0].reason == "serial number 's1' appears again in this file (first on line 2)")
        #expect(result.refused[1].reason == "serial number 'OLD-7' is already imported")
    }

    @Test func theSixthTokenOfAUserIsRefusedCountingExistingOnes() throws {
        let alice = try UserName("alice@contoso.com")
        let rows = (1...4).map { "alice@contoso.com,S\($0),\(Self.secret80),30,C,M" }.joined(separator: "\n")
        let result = try plan(rows, existing: .init(countsByUser: [alice: 2]))
        #expect(result.accepted.map(\.line) == [2, 3, 4])
        #expect(result.refused.map(\.line) == [5])
        #expect(result.refused[0].reason == "alice@contoso.com already has 5 tokens and authenticator apps, the most a user may have")
        #expect(result.refused[0].upn == "alice@contoso.com" && result.refused[0].serial == "S4")
    }

    @Test func errorReportQuotesAndDefusesCells() {
        let report = TokenCSV.errorReport([
            .init(line: 3, upn: "=HYPERLINK(\"x\")", serial: "a,b", reason: "secret key: it is empty"),
            .init(line: 7, upn: "bob@contoso.com", serial: "S2", reason: "time interval: '45' is not 30 or 60 (seconds)"),
        ])
        #expect(report == """
            line,upn,serial number,error
            3,"'=HYPERLINK(""x"")","a,b",secret key: it is empty
            7,bob@contoso.com,S2,time interval: '45' is not 30 or 60 (seconds)

            """)
        // The report reads back as CSV with the same cells.
        let back = CSVReader.records(report).compactMap { try? $0.get().fields }
        #expect(back[1] == ["3", "'=HYPERLINK(\"x\")", "a,b", "secret key: it is empty"])
    }

    @Test func otpauthURIEscapesLabelAndIssuer() {
        let uri = OTPAuthURI.make(issuer: "Contoso MFA: sign-in", account: "alice@contoso.com",
                                  secret: Array("12345678901234567890".utf8), interval: .seconds30)
        #expect(uri == "otpauth://totp/Contoso%20MFA%3A%20sign-in:alice%40contoso.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Contoso%20MFA%3A%20sign-in&algorithm=SHA1&digits=6&period=30")
    }
}
