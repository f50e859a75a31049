import SIPChannel
import Testing
import VoiceCall

/// The `sip.*` and `rtp.ports` settings: good values parse, bad ones are refused by name.
struct SettingsSyntaxTests {
    private func set(_ key: String, _ value: String) throws -> Settings {
        var settings = Settings()
        try settings.set(key, to: value, callerIDCheck: { _ in (true, nil, nil) })
        return settings
    }

    @Test func aTrunkAndItsDefaults() throws {
        var settings = try set("sip.trunk", "sip:trunk.example.net")
        settings.sipListen = "127.0.0.1:5070"
        settings.rtpPorts = "30000-30099"
        let configuration = try #require(try SIPConfiguration(settings: settings))
        #expect(configuration.trunkHost == "trunk.example.net")
        #expect(configuration.trunkPort == 5060)
        #expect(configuration.listenPort == 5070)
        #expect(configuration.rtpPorts == 30000...30099)
        #expect(configuration.transport == .udp)
    }

    @Test func noTrunkMeansNoLiveCalls() throws {
        #expect(try SIPConfiguration(settings: Settings()) == nil)
        #expect(try set("sip.trunk", "none").sipTrunk == nil)
    }

    @Test(arguments: [
        ("sip.trunk", "http://example.net"), ("sip.trunk", "sip:+1425@example.net"), ("sip.trunk", "sip:host:99999"),
        ("sip.trunk", "sip:"), ("sip.trunk", "sip:bad host"), ("sip.listen", "0.0.0.0"), ("sip.listen", "example.net:5060"),
        ("sip.listen", "1.2.3.999:5060"), ("sip.transport", "tls"), ("rtp.ports", "20000"), ("rtp.ports", "80-90"),
        ("rtp.ports", "20000-20001"), ("rtp.ports", "30000-20000"), ("sip.username", "with space"),
    ])
    func badValuesAreRefusedNamingTheKey(_ key: String, _ value: String) {
        #expect {
            _ = try set(key, value)
        } throws: { error in
            "\(error)".contains(key)
        }
    }

    @Test func thePasswordIsNeverShown() throws {
        let settings = try set("sip.password", "s3cret-Pa55")
        #expect(settings.value(of: SettingKey(rawValue: "sip.password")!) == "(set)")
        #expect(SettingKey.allCases.allSatisfy { !settings.value(of: $0).contains("s3cret") })
    }
}
