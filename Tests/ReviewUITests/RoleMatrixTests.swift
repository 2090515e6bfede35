import Foundation
import HTTPTypes
import ReviewUI
import Store
import Testing

/// Each role sees and does exactly what issue 12 says (`RouteMatrix`), over every
/// signed-in route the router has: what it may do is done, what it may not is refused
/// and changes nothing, and its pages offer exactly the links and forms it may use.
@Suite struct RoleMatrixTests {
    @Test func theMatrixNamesEverySignedInRouteOfTheRouter() async throws {
        let fixture = try await WebFixture()
        defer { fixture.remove() }
        let registered = Set(fixture.app.buildRouter().routes.map(RouteAccessTests.key))
        let covered = RouteMatrix.cases.map(\.route)
        #expect(Set(covered).count == covered.count, "a route is in the matrix twice")
        #expect(Set(covered) == registered.subtracting(RouteAccessTests.publicRoutes))
    }

    @Test(arguments: WebUser.Role.allCases)
    func eachRoleDoesExactlyWhatItMayAndSeesExactlyThat(role: WebUser.Role) async throws {
        let fixture = try await RouteMatrix.fixture()
        defer { fixture.remove() }
        let name = RouteMatrix.account(role)
        let allowed = Set(RouteMatrix.cases.filter { $0.roles.contains(role) }.map(\.route))
        let seen = try await fixture.test { client in
            let cookie = try #require(try await client.signIn(name).cookie)
            let token = try await client.csrf(cookie, page: role == .admin ? "/users" : "/audit")
            var seen: Set<String> = []
            for routeCase in RouteMatrix.cases {
                let response = try await client.send(
                    routeCase.path, method: routeCase.method, cookie: cookie, form: routeCase.form.map { [("csrf", token)] + $0 })
                let probe = RouteCase.Probe(response: response, fixture: fixture, client: client, cookie: cookie, userName: name)
                let done = try await routeCase.done(probe)
                if allowed.contains(routeCase.route) {
                    #expect(done, "\(role) could not \(routeCase.route): \(response.status)")
                    if response.status == .ok { seen.formUnion(Self.offeredRoutes(response.body)) }
                } else {
                    #expect(response.status == .forbidden, "\(role) \(routeCase.route): \(response.status)")
                    #expect(response.body.contains("may not do this"), "\(role) \(routeCase.route)")
                    #expect(!done, "\(role) did \(routeCase.route)")
                }
            }
            return seen
        }
        // Its pages link to and offer forms for exactly what the role may do.
        #expect(seen.subtracting(RouteAccessTests.publicRoutes) == allowed, "\(role)")
        if role != .reviewer {
            for id in [WebFixture.heldID, RouteMatrix.releaseID, RouteMatrix.deleteID, RouteMatrix.falsePositiveID, RouteMatrix.bulkID] {
                #expect(try await fixture.state(of: id) == .held, "\(id)")
            }
            #expect(try await fixture.database.decision(id: RouteMatrix.falsePositiveID)?.falsePositive == false)
            #expect(await fixture.submitter.messages.isEmpty)
        }
        if role != .admin {
            #expect(try await fixture.database.webUser(named: RouteMatrix.newcomer) == nil)
            #expect(try await fixture.database.webUser(named: RouteMatrix.dormant)?.disabled == true)
            #expect(try await fixture.database.webUser(named: RouteMatrix.spare)?.disabled == false)
            let spare = try #require(try await fixture.database.webUser(named: RouteMatrix.spare))
            #expect(try await fixture.app.hasher.verify(WebFixture.password, hash: spare.passwordHash))
        }
    }

    /// The routes a page links to (`GET`) or has a form for, as the router names them.
    static func offeredRoutes(_ html: String) -> Set<String> {
        var routes: Set<String> = []
        for match in html.matches(of: /<form[^>]*method="(get|post)"[^>]*action="(\/[^"]*)"/) {
            routes.insert(route(match.output.1.uppercased(), String(match.output.2)))
        }
        for match in html.matches(of: /<a [^>]*href="(\/[^"]*)"/) {
            routes.insert(route("GET", String(match.output.1)))
        }
        return routes
    }

    /// `GET /decisions/{id}` for `GET /decisions/CH-…?x=y`.
    static func route(_ method: String, _ target: String) -> String {
        var path = String(target.prefix { $0 != "?" && $0 != "#" })
        path = path.replacing(/^\/decisions\/[A-Z0-9-]+/, with: "/decisions/{id}")
        path = path.replacing(/^\/users\/[^\/]+\//, with: "/users/{name}/")
        return "\(method) \(path)"
    }
}
