import Foundation
import HTTPTypes
import Hummingbird
import ReviewUI
import Store
import Testing

/// Every registered route refuses a request without a session, except the public
/// ones; every POST needs the session's CSRF token.
@Suite struct RouteAccessTests {
    /// Sign-in (and `/`, which only redirects to it), the stylesheet, and `/healthz`.
    static let publicPaths: Set<String> = ["/", "/login", "/static/app.css", "/healthz"]

    static func concrete(_ path: String) -> String {
        path.replacingOccurrences(of: ":id", with: WebFixture.heldID).replacingOccurrences(of: ":name", with: "rita")
    }

    @Test func everyRouteButThePublicOnesRefusesARequestWithoutASession() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        let routes = ReviewWebApp.routes
        #expect(routes.count >= 20)
        let open = routes.filter { $0.access == .open }.map(\.path)
        #expect(Set(open).isSubset(of: Self.publicPaths), "open routes: \(open)")
        try await fixture.test { client in
            for route in routes where route.access != .open {
                let path = Self.concrete(route.path)
                let response = try await client.send(
                    path, method: route.method, cookie: nil, form: route.method == .post ? [("reason", "x"), ("csrf", "x")] : nil)
                if route.method == .get {
                    #expect(response.status == .seeOther, "\(route.method) \(path)")
                    #expect(response.headers[.location] == "/login", "\(route.method) \(path)")
                } else {
                    #expect(response.status == .forbidden, "\(route.method) \(path)")
                }
                #expect(!response.body.contains("teacher@hollowbrook.example"), "\(path) leaked the decision")
                // A forged session cookie is no better than none.
                let forged = try await client.send(
                    path, method: route.method, cookie: "\(ReviewWebApp.sessionCookie)=\(String(repeating: "ab", count: 32))",
                    form: route.method == .post ? [("csrf", "x")] : nil)
                #expect(forged.status == (route.method == .get ? .seeOther : .forbidden), "forged cookie: \(path)")
            }
        }
        #expect(try await fixture.heldState() == .held)
        #expect(await fixture.submitter.messages.isEmpty)
    }

    @Test func thePublicRoutesAnswer() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            #expect(try await client.get("/healthz").status == .ok)
            let css = try await client.get("/static/app.css")
            #expect(css.status == .ok && css.body.contains("font"))
            let login = try await client.get("/login")
            #expect(login.status == .ok && login.body.contains("<form"))
        }
    }

    @Test func aPostWithoutOrWithAWrongCSRFTokenIsRefusedAndChangesNothing() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let cookie = try #require(try await client.signIn("rita").cookie)
            let release = "/decisions/\(WebFixture.heldID)/release"
            let missing = try await client.post(release, cookie: cookie, form: [("reason", "fine")])
            #expect(missing.status == .forbidden)
            let wrong = try await client.post(release, cookie: cookie, form: [("reason", "fine"), ("csrf", String(repeating: "0", count: 64))])
            #expect(wrong.status == .forbidden)
            #expect(try await fixture.heldState() == .held)
            // Another session's token does not fit this one.
            let other = try #require(try await client.signIn("rita").cookie)
            let otherToken = try await client.csrf(other)
            #expect(try await client.post(release, cookie: cookie, form: [("reason", "fine"), ("csrf", otherToken)]).status == .forbidden)
            #expect(try await fixture.heldState() == .held)
            let token = try await client.csrf(cookie)
            let done = try await client.post(release, cookie: cookie, form: [("reason", "checked with the head of year"), ("csrf", token)])
            #expect(done.status == .ok)
            #expect(done.body.contains("released"))
        }
        #expect(try await fixture.heldState() == .released)
        #expect(await fixture.submitter.messages.count == 1)
        let events = try await fixture.database.reviewEvents(decisionID: WebFixture.heldID)
        #expect(events.contains { $0.kind == .releasedByReinjection && $0.actor == "rita (web)" && $0.reason == "checked with the head of year" })
    }

    @Test func theSignInFormNeedsItsOwnToken() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let forged = try await client.post(
                "/login", cookie: "\(ReviewWebApp.loginCookie)=aaaa", form: [("csrf", "bbbb"), ("name", "rita"), ("password", WebFixture.password)])
            #expect(forged.status == .forbidden)
            #expect(forged.cookie(ReviewWebApp.sessionCookie) == nil)
        }
    }

    @Test func responsesCarryTheSecurityHeadersAndTheCookieIsHttpOnlyAndStrict() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let (_, response) = try await client.signIn("rita")
            let setCookie = response.headers[values: .setCookie].first { $0.hasPrefix(ReviewWebApp.sessionCookie) } ?? ""
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Strict"))
            #expect(!setCookie.contains("Secure"))
            for page in [try await client.get("/login"), try await client.get("/healthz"), try await client.get("/quarantine")] {
                let csp = page.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(csp.contains("default-src 'none'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func underTLSTheCookieIsSecure() async throws {
        let fixture = try await WebFixture { $0.web.secureCookies = true }
        defer { fixture.remove() }
        try await fixture.test { client in
            let (_, response) = try await client.signIn("rita")
            let setCookie = response.headers[values: .setCookie].first { $0.hasPrefix(ReviewWebApp.sessionCookie) } ?? ""
            #expect(setCookie.contains("Secure"))
        }
    }
}
