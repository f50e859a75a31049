import Foundation
@testable import Server
import Testing

/// The pure parts of the server: paths to routes, `api.callback-hosts`, key shapes.
@Suite("Server: routes, callback hosts, key shapes")
struct RoutingTests {
    @Test("paths map to routes; anything else is no route")
    func routes() {
        #expect(Route(path: "/healthz") == .healthz)
        #expect(Route(path: "/v1/verifications") == .verifications)
        #expect(Route(path: "/v1/verifications/ab12") == .verification(id: "ab12"))
        #expect(Route(path: "/v1/verifications/ab12/cancel") == .cancelVerification(id: "ab12"))
        #expect(Route(path: "/v1/greetings/greeting-pin/fr-FR") == .greeting(type: "greeting-pin", language: "fr-FR"))
        #expect(Route(path: "/v1/users/bob@contoso.com/block") == .userBlock(user: "bob@contoso.com"))
        #expect(Route(path: "/v1/tokens/import") == .tokensImport)
        for path in ["", "/", "/v1", "/v1/", "/v1//verifications", "/v1/verifications/", "/v2/log", "/v1/users/a/unblock",
                     "/v1/greetings/a/b/c", "v1/log", "/healthz/x"] {
            #expect(Route(path: path) == nil, "\(path)")
        }
        #expect(Route.greeting(type: "t", language: "l").methods == ["PUT", "DELETE"])
        #expect(Route.metrics.role == nil)
        #expect(Route.log.role == .admin)
        #expect(Route.verifications.role == .integrator)
    }

    @Test("callback hosts allow exactly the listed host and port")
    func callbackHosts() throws {
        let hosts = CallbackHosts(setting: "idp.contoso.com,10.0.0.5:8443,[::1]:9000")
        #expect(hosts.allows(try #require(URL(string: "https://idp.contoso.com/hook"))))
        #expect(hosts.allows(try #require(URL(string: "http://IDP.contoso.com:8080/hook"))))
        #expect(hosts.allows(try #require(URL(string: "https://10.0.0.5:8443/x"))))
        #expect(!hosts.allows(try #require(URL(string: "https://10.0.0.5/x"))))
        #expect(hosts.allows(try #require(URL(string: "http://[::1]:9000/x"))))
        #expect(!hosts.allows(try #require(URL(string: "https://idp.contoso.com.evil.org/hook"))))
        #expect(!hosts.allows(try #require(URL(string: "https://evil.org/?idp.contoso.com"))))
        #expect(!CallbackHosts(setting: "none").allows(try #require(URL(string: "https://idp.contoso.com/"))))
        #expect(throws: APIError.self) { try hosts.check("ftp://idp.contoso.com/x") }
        #expect(throws: APIError.self) { try hosts.check("https://user:pw@idp.contoso.com/x") }
        #expect(throws: APIError.self) { try hosts.check("/relative") }
        #expect(try hosts.check("https://idp.contoso.com/x").host == "idp.contoso.com")
    }

    @Test("only keys shaped ivr_<16 hex>_<64 hex> are looked up")
    func keyShapes() throws {
        let made = try APIKeys.make(name: "t", role: .admin, at: Date())
        let parts = try #require(APIKeys.parts(of: made.key))
        #expect(parts.id == made.record.id)
        #expect(APIKeys.matches(made.key, made.record))
        var revoked = made.record
        revoked.revokedAt = Date()
        #expect(!APIKeys.matches(made.key, revoked))
        #expect(!made.key.contains(made.record.secretSHA256))
        for bad in ["", "ivr_", made.key.uppercased(), made.key + "0", "xyz_" + made.key.dropFirst(4), made.key.replacingOccurrences(of: "_", with: "-")] {
            #expect(APIKeys.parts(of: bad) == nil, "\(bad)")
        }
    }
}
