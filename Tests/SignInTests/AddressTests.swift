import Foundation
import Testing

@testable import SignIn

@Suite("IP addresses and CIDR ranges")
struct AddressTests {
    @Test("IPv4 and IPv6 parse in their standard spellings and print canonically")
    func parsing() throws {
        #expect(IPAddress("203.0.113.7") == .v4(0xCB00_7107))
        #expect(IPAddress("2001:DB8::1")?.description == "2001:db8::1")
        #expect(IPAddress("::ffff:203.0.113.7")?.mappedIPv4 == 0xCB00_7107)
        for bad in ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4 ", "fe80::1%eth0", "[::1]", "1.2.3.4:80", "::g"] {
            #expect(IPAddress(bad) == nil, "\(bad)")
        }
    }

    @Test("the seed's example range contains its 32 addresses and nothing around them")
    func seedRange() throws {
        let range = try CIDRRange(parsing: "40.77.182.32/27")
        #expect(range.contains(IPAddress("40.77.182.32")!))
        #expect(range.contains(IPAddress("40.77.182.63")!))
        #expect(!range.contains(IPAddress("40.77.182.31")!))
        #expect(!range.contains(IPAddress("40.77.182.64")!))
        #expect(range.contains(IPAddress("::ffff:40.77.182.40")!))
        #expect(!range.contains(IPAddress("2001:db8::1")!))
    }

    @Test("/32, /128 and /0 are exact")
    func edges() throws {
        let one = try CIDRRange(parsing: "198.51.100.7/32")
        #expect(one.contains(IPAddress("198.51.100.7")!))
        #expect(!one.contains(IPAddress("198.51.100.6")!))
        let v6 = try CIDRRange(parsing: "2001:db8::5/128")
        #expect(v6.contains(IPAddress("2001:db8::5")!))
        #expect(!v6.contains(IPAddress("2001:db8::4")!))
        let all = try CIDRRange(parsing: "0.0.0.0/0")
        #expect(all.contains(IPAddress("255.255.255.255")!))
        let all6 = try CIDRRange(parsing: "::/0")
        #expect(all6.contains(IPAddress("2001:db8::1")!))
        let half = try CIDRRange(parsing: "2001:db8:0:0:8000::/65")
        #expect(half.contains(IPAddress("2001:db8::8000:0:0:1")!))
        #expect(!half.contains(IPAddress("2001:db8::7fff:0:0:1")!))
    }

    @Test("an IPv6 range over the mapped space contains the IPv4 addresses it maps")
    func mappedRange() throws {
        let range = try CIDRRange(parsing: "::ffff:40.77.182.0/120")
        #expect(range.contains(IPAddress("40.77.182.9")!))
        #expect(!range.contains(IPAddress("40.77.183.9")!))
    }

    @Test("host bits set are refused with the network named, not masked")
    func hostBits() {
        #expect(throws: CIDRError.self) { try CIDRRange(parsing: "10.0.0.1/8") }
        do {
            _ = try CIDRRange(parsing: "40.77.182.33/27")
            Issue.record("accepted host bits")
        } catch {
            #expect(error.reason.contains("40.77.182.32/27"))
        }
        #expect(throws: CIDRError.self) { try CIDRRange(parsing: "2001:db8::1/64") }
    }

    @Test("malformed ranges are refused", arguments: ["10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "::/129", "10.0.0.0/08", "10.0.0.0/-1", "x/8", "1.2.3.4/8/9"])
    func malformed(_ text: String) {
        #expect(throws: CIDRError.self) { try CIDRRange(parsing: text) }
    }
}

@Suite("Trusted IP ranges (trusted-ips.ranges)")
struct TrustedIPRangesTests {
    @Test("public IPv4 ranges are accepted, 'none' empties the list")
    func accepted() throws {
        let list = try TrustedIPRanges(parsing: "40.77.182.32/27, 198.51.100.7/32", allowPrivate: false)
        #expect(list.ranges.count == 2)
        #expect(list.settingValue == "40.77.182.32/27,198.51.100.7/32")
        #expect(try TrustedIPRanges(parsing: "none", allowPrivate: false).ranges.isEmpty)
    }

    @Test("50 ranges are accepted and the 51st is refused")
    func limit() throws {
        let fifty = (0..<50).map { "40.77.\($0).0/24" }
        #expect(try TrustedIPRanges(parsing: fifty.joined(separator: ","), allowPrivate: false).ranges.count == 50)
        let fiftyOne = fifty + ["40.78.0.0/24"]
        #expect(throws: TrustedIPError.self) {
            try TrustedIPRanges(parsing: fiftyOne.joined(separator: ","), allowPrivate: false)
        }
    }

    @Test("non-public space is refused with a reason naming its kind",
          arguments: [("10.0.0.0/8", "private"), ("172.20.0.0/16", "private"), ("192.168.1.0/24", "private"),
                      ("100.64.0.0/10", "private"), ("127.0.0.0/8", "loopback"), ("169.254.0.0/16", "link-local"),
                      ("224.0.0.0/4", "multicast"), ("240.0.0.0/4", "reserved"), ("0.0.0.0/0", "every address"),
                      ("8.0.0.0/5", "private")])
    func refused(_ range: String, _ word: String) {
        do {
            _ = try TrustedIPRanges(parsing: range, allowPrivate: false)
            Issue.record("accepted \(range)")
        } catch {
            #expect(error.description.contains(word), "\(error)")
        }
    }

    @Test("a private range is refused, then accepted in on-premises mode; loopback never")
    func onPremises() throws {
        #expect(throws: TrustedIPError.self) { try TrustedIPRanges(parsing: "10.0.0.0/8", allowPrivate: false) }
        #expect(try TrustedIPRanges(parsing: "10.0.0.0/8", allowPrivate: true).ranges.count == 1)
        #expect(throws: TrustedIPError.self) { try TrustedIPRanges(parsing: "127.0.0.0/8", allowPrivate: true) }
        // 96.0.0.0/3 holds shared space and loopback: on-premises forgives only the first.
        #expect(throws: TrustedIPError.self) { try TrustedIPRanges(parsing: "96.0.0.0/3", allowPrivate: true) }
    }

    @Test("IPv6 is refused with the seed's reason, host bits and duplicates too")
    func ipv6AndMistakes() {
        do {
            _ = try TrustedIPRanges(parsing: "2001:db8::/32", allowPrivate: false)
            Issue.record("accepted IPv6")
        } catch {
            #expect(error.description.contains("named locations"))
        }
        #expect(throws: TrustedIPError.self) { try TrustedIPRanges(parsing: "40.77.182.33/27", allowPrivate: false) }
        #expect(throws: TrustedIPError.self) { try TrustedIPRanges(parsing: "40.77.182.32/27,40.77.182.32/27", allowPrivate: false) }
        #expect(throws: TrustedIPError.self) { try TrustedIPRanges(parsing: "40.77.182.32/27,,", allowPrivate: false) }
    }
}

@Suite("Named locations, method switches, remember-MFA days")
struct SettingsRulesTests {
    @Test("a named location takes IPv4 and IPv6 but not everything")
    func namedLocation() throws {
        let office = try NamedLocation(name: "Head office", ranges: ["2001:db8:1::/48", "40.77.182.32/27"])
        #expect(office.match(IPAddress("2001:db8:1::42")!) != nil)
        #expect(office.match(IPAddress("2001:db8:2::42")!) == nil)
        #expect(throws: NamedLocationError.self) { try NamedLocation(name: "all", ranges: ["::/0"]) }
        #expect(throws: NamedLocationError.self) { try NamedLocation(name: "bad/name", ranges: ["40.77.182.32/27"]) }
        #expect(throws: NamedLocationError.self) { try NamedLocation(name: "none", ranges: []) }
    }

    @Test("the last method cannot be turned off")
    func methods() throws {
        var switches = MethodSwitches.all
        for method in [SignInMethod.call, .text, .appNotification] {
            switches = try switches.setting(method, on: false)
        }
        #expect(switches.enabled == [.appCode])
        #expect(throws: MethodSwitchError.self) { try switches.setting(.appCode, on: false) }
    }

    @Test("remember-mfa.days: 1–365, a warning under 90")
    func days() throws {
        #expect(try RememberMFAPolicy.parseDays("90").warning == nil)
        #expect(try RememberMFAPolicy.parseDays("30").warning != nil)
        #expect(try RememberMFAPolicy.parseDays("365").days == 365)
        for bad in ["0", "366", "-1", "9.5", "", "1000"] {
            #expect(throws: RememberMFAError.self) { try RememberMFAPolicy.parseDays(bad) }
        }
    }
}
