import Foundation
import HTTPTypes
import Hummingbird
import ReviewUI
import Store
import Testing

/// Every route the router has refuses a request without a live session, except the
/// public ones; the routes are read from the router itself, for every method each path
/// has, so a route added without the access check is caught.
@Suite struct RouteAccessTests {
    /// Sign-in (and `/`, which only sends a visitor on), the stylesheet, `/healthz`, and
    /// the sender's self-service page (its signed token is its access check:
    /// `SelfServiceRouteTests`).
    static let publicRoutes: Set<String> = [
        "GET /", "GET /login", "POST /login", "GET /static/app.css", "GET /healthz", "GET /self-service", "POST /self-service",
    ]
    /// Methods no route has: they must not reach a page either.
    static let otherMethods: [HTTPRequest.Method] = [.head, .put, .delete, .patch, .options]

    /// `METHOD /path` as the router describes a route (`{id}` for a parameter).
    static func key(_ route: Router<WebContext>.RouteDescription) -> String {
        "\(route.method.rawValue) \(route.path)"
    }

    static func concrete(_ path: String) -> String {
        path.replacingOccurrences(of: "{id}", with: WebFixture.heldID).replacingOccurrences(of: "{name}", with: "rita")
    }

    @Test func everyRegisteredRouteButThePublicOnesRefusesARequestWithoutASession() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        let routes = fixture.app.buildRouter().routes.map { (method: $0.method, path: $0.path.description, key: Self.key($0)) }
        let keys = Set(routes.map(\.key))
        #expect(keys.count >= 20)
        #expect(Self.publicRoutes.isSubset(of: keys))
        try await fixture.test { client in
            // A session that has ended is no better than none, nor is a made-up one.
            let ended = try #require(try await client.signIn("rita").cookie)
            #expect(try await client.post("/logout", cookie: ended, form: [("csrf", try await client.csrf(ended))]).status == .seeOther)
            let cookies = [nil, ended, "\(ReviewWebApp.sessionCookie)=\(String(repeating: "ab", count: 32))"]
            for route in routes where !Self.publicRoutes.contains(route.key) {
                let path = Self.concrete(route.path)
                for cookie in cookies {
                    let form = route.method == .post
                        ? [("csrf", "x"), ("reason", "x"), ("id", WebFixture.heldID), ("action", "release"), ("name", "x"), ("role", "admin"),
                           ("password", "a long enough passphrase")] : nil
                    let response = try await client.send(path, method: route.method, cookie: cookie, form: form)
                    let what = "\(route.key) with \(cookie == nil ? "no cookie" : cookie!)"
                    if route.method == .get {
                        #expect(response.status == .seeOther, "\(what)")
                        #expect(response.headers[.location] == "/login", "\(what)")
                    } else {
                        // The access check's own refusal, not a handler's complaint about the form.
                        #expect(response.status == .forbidden, "\(what)")
                        #expect(response.body.contains("Your session has ended"), "\(what)")
                    }
                    #expect(!response.body.contains("teacher@hollowbrook.example"), "\(what) leaked the decision")
                }
            }
            // No other method reaches a page on any path.
            for pattern in Set(routes.map(\.path)) {
                for method in Self.otherMethods where !keys.contains("\(method.rawValue) \(pattern)") {
                    let response = try await client.send(Self.concrete(pattern), method: method, cookie: nil, form: nil)
                    #expect(response.status == .notFound, "\(method) \(pattern): \(response.status)")
                    #expect(!response.body.contains("teacher@hollowbrook.example"))
                }
            }
        }
        #expect(try await fixture.heldState() == .held)
        #expect(await fixture.submitter.messages.isEmpty)
        #expect(try await fixture.database.webUsers().map(\.name).sorted() == ["adam", "aud", "rita"])
        #expect(try await fixture.database.reviewEvents(decisionID: WebFixture.heldID).isEmpty)
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
                #expect(page.headers[Self.hsts] == nil)  // plain HTTP: HSTS would mean nothing
            }
            // A path no route has gets the headers too.
            #expect(try await client.get("/nothing-here").headers[.contentSecurityPolicy] != nil)
        }
    }

    static let hsts = HTTPField.Name("Strict-Transport-Security")!

    @Test func overHTTPSTheCookieIsSecureAndEveryResponseHasHSTS() async throws {
        let fixture = try await WebFixture { $0.web.secureCookies = true }
        defer { fixture.remove() }
        try await fixture.test { client in
            let (signedIn, response) = try await client.signIn("rita")
            let cookie = try #require(signedIn)
            // `__Host-`: Secure, path /, no Domain, so no sibling host can set or read it.
            #expect(cookie.hasPrefix("__Host-\(ReviewWebApp.sessionCookie)="))
            let setCookie = response.headers[values: .setCookie].first { $0.hasPrefix("__Host-\(ReviewWebApp.sessionCookie)=") } ?? ""
            #expect(setCookie.contains("Secure") && setCookie.contains("Path=/") && !setCookie.contains("Domain"), "\(setCookie)")
            #expect(try await client.get("/quarantine", cookie: cookie).status == .ok)
            // The unprefixed name is not accepted in its place.
            let unprefixed = cookie.replacingOccurrences(of: "__Host-", with: "")
            #expect(try await client.get("/quarantine", cookie: unprefixed).status == .seeOther)
            for page in [response, try await client.get("/healthz"), try await client.get("/quarantine"), try await client.get("/nothing-here")] {
                #expect(page.headers[Self.hsts] == "max-age=31536000; includeSubDomains")
            }
        }
    }
}
