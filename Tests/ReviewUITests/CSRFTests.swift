import Foundation
import HTTPTypes
import ReviewUI
import Store
import Testing

/// Every POST route the router has refuses a form without the session's CSRF token,
/// with a wrong one, or with another session's, and does nothing; the same form with
/// the right token does its work (so the refusal is the token's doing).
@Suite struct CSRFTests {
    @Test func everyPostRouteRefusesAMissingOrWrongTokenAndChangesNothing() async throws {
        let fixture = try await RouteMatrix.fixture()
        defer { fixture.remove() }
        let posts = Set(fixture.app.buildRouter().routes.filter { $0.method == .post }.map(RouteAccessTests.key))
            .subtracting(RouteAccessTests.publicRoutes)
        let cases = RouteMatrix.cases.filter { $0.method == .post }
        #expect(Set(cases.map(\.route)) == posts)
        #expect(posts.count >= 10)
        try await fixture.test { client in
            var sessions: [WebUser.Role: (cookie: String, token: String)] = [:]
            for routeCase in cases {
                let role = try #require(WebUser.Role.allCases.first { routeCase.roles.contains($0) })
                let name = RouteMatrix.account(role)
                let home = role == .admin ? "/users" : "/audit"
                if sessions[role] == nil {
                    let cookie = try #require(try await client.signIn(name).cookie)
                    sessions[role] = (cookie, try await client.csrf(cookie, page: home))
                }
                let (cookie, token) = try #require(sessions[role])
                let other = try #require(try await client.signIn(name).cookie)
                let otherToken = try await client.csrf(other, page: home)
                let form = try #require(routeCase.form)
                for sent in [nil, String(repeating: "0", count: token.count), String(token.dropLast()), token + "0", otherToken] {
                    let response = try await client.post(routeCase.path, cookie: cookie, form: (sent.map { [("csrf", $0)] } ?? []) + form)
                    let what = "\(routeCase.route) with \(sent == nil ? "no token" : "token \(sent!)")"
                    #expect(response.status == .forbidden, "\(what)")
                    #expect(response.body.contains("security token does not match"), "\(what)")
                    let probe = RouteCase.Probe(response: response, fixture: fixture, client: client, cookie: cookie, userName: name)
                    #expect(try await !routeCase.done(probe), "\(what) was done")
                }
                let response = try await client.post(routeCase.path, cookie: cookie, form: [("csrf", token)] + form)
                let probe = RouteCase.Probe(response: response, fixture: fixture, client: client, cookie: cookie, userName: name)
                #expect(try await routeCase.done(probe), "\(routeCase.route) with the right token: \(response.status)")
            }
        }
    }

    @Test func theSignInFormNeedsItsOwnToken() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let credentials = [("name", "rita"), ("password", WebFixture.password)]
            let token = try #require(try await client.get("/login").cookie(ReviewWebApp.loginCookie))
            let attempts: [(cookie: String?, form: [(String, String)])] = [
                (nil, credentials),
                ("\(ReviewWebApp.loginCookie)=\(token)", credentials),
                ("\(ReviewWebApp.loginCookie)=\(token)", [("csrf", "bbbb")] + credentials),
                ("\(ReviewWebApp.loginCookie)=aaaa", [("csrf", token)] + credentials),
                (nil, [("csrf", token)] + credentials),
            ]
            for attempt in attempts {
                let response = try await client.post("/login", cookie: attempt.cookie, form: attempt.form)
                #expect(response.status == .forbidden)
                #expect(response.cookie(ReviewWebApp.sessionCookie) == nil)
            }
            #expect(try await client.signIn("rita").cookie != nil)
        }
    }
}
