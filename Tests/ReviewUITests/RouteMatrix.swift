import Foundation
import HTTPTypes
import ReviewUI
import Store

/// Issue 12, item 2, written out route by route, independently of the app's own
/// `Permission` table: who may call each signed-in route, a request that does what the
/// route is for, and how to see that it was done. Reviewer (IT): list, view, release,
/// delete, false positive. Auditor (DSL, DPO): everything read-only, including opening an
/// original with a reason. Admin: users. Every role may sign out.
///
/// `RoleMatrixTests` and `CSRFTests` check that this table names exactly the routes the
/// router has, so a new route cannot be added without saying who may use it.
struct RouteCase: Sendable {
    /// What a case gets to judge the outcome: the response, the fixture's store and a
    /// client signed in with `cookie`.
    struct Probe: Sendable {
        var response: WebResponse
        var fixture: WebFixture
        var client: WebClient
        var cookie: String
        var userName: String
    }

    /// `METHOD /path` as the router describes it (`{id}` for a parameter).
    var route: String
    /// The concrete path requested.
    var path: String
    var roles: Set<WebUser.Role>
    /// The form posted (without the CSRF token); nil for GET.
    var form: [(String, String)]?
    /// Whether the route's work shows in the response or the store.
    var done: @Sendable (Probe) async throws -> Bool

    var method: HTTPRequest.Method { route.hasPrefix("POST ") ? .post : .get }

    init(
        _ route: String, _ path: String, _ roles: Set<WebUser.Role>, form: [(String, String)]? = nil,
        done: @escaping @Sendable (Probe) async throws -> Bool
    ) {
        self.route = route
        self.path = path
        self.roles = roles
        self.form = form
        self.done = done
    }
}

enum RouteMatrix {
    static let releaseID = "CH-20261124-RELEASE1"
    static let deleteID = "CH-20261124-DELETE01"
    static let falsePositiveID = "CH-20261124-FALSEPOS"
    static let bulkID = "CH-20261124-BULKREL1"
    /// An auditor whose password is set and who is disabled by the admin routes.
    static let spare = "spare"
    /// A disabled auditor the admin route enables.
    static let dormant = "dormant"
    static let newcomer = "newcomer"
    /// An outside domain whose holds were all released: suggested as a partner.
    static let partnerDomain = "carers.example"

    static let mail: Set<WebUser.Role> = [.reviewer, .auditor]
    static let everyone = Set(WebUser.Role.allCases)

    /// A page that shows the held message's id under its own heading.
    static func page(_ path: String, _ title: String, roles: Set<WebUser.Role>, showing marker: String) -> RouteCase {
        RouteCase("GET \(path)", path, roles) { probe in
            probe.response.status == .ok && probe.response.body.contains("<h1>\(title)") && probe.response.body.contains(marker)
        }
    }

    /// Every signed-in route, in the order a role tries them (sign-out last).
    static let cases: [RouteCase] = [
        page("/quarantine", "Quarantine", roles: mail, showing: WebFixture.heldID),
        page("/log", "Log", roles: mail, showing: WebFixture.heldID),
        page("/dashboard", "Dashboard", roles: mail, showing: "<svg"),
        page("/audit", "Audit trail", roles: mail, showing: "signed in"),
        page("/roster", "Roster", roles: mail, showing: "<h2>Problems</h2>"),
        page("/suggestions", "Suggestions", roles: mail, showing: "partner:\(partnerDomain)"),
        RouteCase("POST /suggestions/accept", "/suggestions/accept", [.reviewer], form: [("id", "partner:\(partnerDomain)")]) { probe in
            let path = probe.fixture.directory + "/learned.yaml"
            let learned = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let audit = try await probe.fixture.database.storeWideEvents(limit: 5)
            return probe.response.status == .ok && learned.contains("partner_domain: \"\(partnerDomain)\"")
                && audit.contains { $0.actor == "\(probe.userName) (web)" && $0.detail?.contains("partner:\(partnerDomain)") == true }
        },
        RouteCase("GET /decisions/{id}", "/decisions/\(WebFixture.heldID)", mail) { probe in
            probe.response.status == .ok && probe.response.body.contains("teacher@hollowbrook.example")
        },
        RouteCase("GET /users", "/users", [.admin]) { probe in
            probe.response.status == .ok && probe.response.body.contains("<h1>Users") && probe.response.body.contains(dormant)
        },
        RouteCase("POST /decisions/{id}/original", "/decisions/\(WebFixture.heldID)/original", mail, form: [("reason", "DSL check")]) { probe in
            let events = try await probe.fixture.database.reviewEvents(decisionID: WebFixture.heldID)
            return probe.response.status == .ok && events.contains { $0.kind == .viewedRaw && $0.actor == "\(probe.userName) (web)" }
        },
        RouteCase("POST /decisions/{id}/release", "/decisions/\(releaseID)/release", [.reviewer], form: [("reason", "checked")]) { probe in
            let submitted = await probe.fixture.submitter.messages.count
            return try await probe.fixture.state(of: releaseID) == .released && submitted == 1
        },
        RouteCase("POST /decisions/{id}/delete", "/decisions/\(deleteID)/delete", [.reviewer], form: [("reason", "sent in error")]) { probe in
            try await probe.fixture.state(of: deleteID) == .deleted
        },
        RouteCase(
            "POST /decisions/{id}/false-positive", "/decisions/\(falsePositiveID)/false-positive", [.reviewer],
            form: [("reason", "a class list")]
        ) { probe in
            try await probe.fixture.database.decision(id: falsePositiveID)?.falsePositive == true
        },
        RouteCase(
            "POST /quarantine/bulk", "/quarantine/bulk", [.reviewer], form: [("id", bulkID), ("action", "delete"), ("reason", "duplicates")]
        ) { probe in
            try await probe.fixture.state(of: bulkID) == .deleted
        },
        RouteCase(
            "POST /users", "/users", [.admin], form: [("name", newcomer), ("role", "auditor"), ("password", "a long enough passphrase")]
        ) { probe in
            try await probe.fixture.database.webUser(named: newcomer) != nil
        },
        RouteCase("POST /users/{name}/password", "/users/\(spare)/password", [.admin], form: [("password", "another long passphrase")]) { probe in
            guard let user = try await probe.fixture.database.webUser(named: spare) else { return false }
            return try await probe.fixture.app.hasher.verify("another long passphrase", hash: user.passwordHash)
        },
        RouteCase("POST /users/{name}/disable", "/users/\(spare)/disable", [.admin], form: []) { probe in
            try await probe.fixture.database.webUser(named: spare)?.disabled == true
        },
        RouteCase("POST /users/{name}/enable", "/users/\(dormant)/enable", [.admin], form: []) { probe in
            try await probe.fixture.database.webUser(named: dormant)?.disabled == false
        },
        RouteCase("POST /logout", "/logout", everyone, form: []) { probe in
            let after = try await probe.client.get("/", cookie: probe.cookie)
            return probe.response.status == .seeOther && after.headers[.location] == "/login"
        },
    ]

    /// The fixture the matrix runs on: the held message, four more to act on, a spare
    /// account and a disabled one.
    static func fixture() async throws -> WebFixture {
        let fixture = try await WebFixture()
        for id in [releaseID, deleteID, falsePositiveID, bulkID] { try await fixture.recordHeld(id: id) }
        for index in 0..<10 { try await fixture.recordReleased(id: "CH-20261124-PARTNR\(index)0", domain: partnerDomain) }
        let hash = try await fixture.app.hasher.hash(WebFixture.password)
        for name in [spare, dormant] {
            try await fixture.database.addWebUser(
                WebUser(name: name, role: .auditor, passwordHash: hash, createdAt: fixture.clock.now()), actor: "test")
        }
        try await fixture.database.setWebUserDisabled(named: dormant, disabled: true, actor: "test", at: fixture.clock.now())
        return fixture
    }

    /// The account of each role in `WebFixture`.
    static func account(_ role: WebUser.Role) -> String {
        switch role {
        case .reviewer: "rita"
        case .auditor: "aud"
        case .admin: "adam"
        }
    }
}
