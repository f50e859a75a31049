import Testing
@testable import VoiceCall

@Suite struct UserNameTests {
    @Test(arguments: ["alice@contoso.com", "Alice.Smith@Contoso.COM", "a+b@x-y.example", "o'neil@ie.example", "root@localhost"])
    func acceptsAndLowercases(_ text: String) throws {
        let name = try UserName(text)
        #expect(name.value == text.lowercased())
    }

    @Test(arguments: [
        "", "alice", "@contoso.com", "alice@", "a@b@c", "alice smith@contoso.com", "alice@contoso..com",
        ".alice@contoso.com", "alice.@contoso.com", "al..ice@contoso.com", "alice@-contoso.com", "alice@contoso-.com",
        "alice@contoso.com\n", "alice@contoso.com\r\nBcc: x@y.z", "<alice@contoso.com>", "\"alice\"@contoso.com",
        "alïce@contoso.com", "alice@contosö.com", "alice@con_toso.com",
    ])
    func refuses(_ text: String) {
        #expect(throws: UserNameError.self) { try UserName(text) }
    }

    @Test func lengthLimits() throws {
        let local64 = String(repeating: "a", count: 64)
        _ = try UserName(local64 + "@x.org")
        #expect(throws: UserNameError.self) { try UserName(local64 + "a@x.org") }
        let label = String(repeating: "b", count: 63)
        let long = "a@" + [label, label, label, String(repeating: "c", count: 60)].joined(separator: ".")  // 254
        #expect(long.count == 254)
        _ = try UserName(long)
        #expect(throws: UserNameError.self) { try UserName(long + "c") }
    }

    @Test func sameUserIgnoringCase() throws {
        #expect(try UserName("Alice@Contoso.com") == UserName("alice@contoso.COM"))
    }

    @Test func errorMessageNamesTheInputOnOneLine() {
        let error = #expect(throws: UserNameError.self) { try UserName("bad\nname") }
        #expect(error?.description.contains("\n") == false)
        #expect(error?.description.contains("user@domain") == true)
    }
}
