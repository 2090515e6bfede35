import ChaperoneModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTesting
import Logging
import NIOCore
import Notify
import PostgresTestSupport
import Review
import ReviewUI
import Store
import StorePostgres
import Synchronization
import Testing

/// The two stores the web app runs on in these tests: a SQLite file, and a database in
/// the throwaway PostgreSQL cluster the store tests use.
enum WebBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }
}

/// A temporary store with one held message (its body has live HTML, to prove it is
/// never rendered), three accounts (reviewer, auditor, admin), and the web app over it
/// with a movable clock and an in-memory reinjection listener. On SQLite (the default)
/// or on PostgreSQL: `with(_:configure:_:)` closes the PostgreSQL connections after.
struct WebFixture {
    static let heldID = "CH-20261124-HELDWEB2"
    static let password = "correct horse battery"
    static let raw = Array(
        "From: teacher@hollowbrook.example\r\nTo: friend@gmail.example\r\nSubject: marks\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script><b>Year 9 marks</b>\r\n".utf8)

    let backend: WebBackend
    let directory: String
    let database: any WebStore
    /// Records decisions as the milter would (for fixtures with more held mail).
    let recorder: any DecisionStore
    let submitter = CapturingSubmitter()
    /// Where the alert of a sender's self-release goes.
    let alerts = CapturingSubmitter()
    let clock = TestClock()
    let app: ReviewWebApp
    private let closeStore: @Sendable () async -> Void

    init(backend: WebBackend = .sqlite, configure: (inout Configuration) -> Void = { _ in }) async throws {
        self.backend = backend
        directory = NSTemporaryDirectory() + "chaperone-web-" + UUID().uuidString
        switch backend {
        case .sqlite:
            let sqlite = try AppDatabase(path: directory + "/chaperone.sqlite")
            database = sqlite
            recorder = SQLiteDecisionStore(database: sqlite)
            closeStore = {}
        case .postgres:
            let cluster = try await PostgresCluster.shared()
            var options = PostgresStore.Options(mailHost: "mx-web.test")
            // Generous: the whole suite runs at once on a loaded 2-core machine.
            options.operationTimeoutSeconds = 60
            let postgres = try await PostgresStore.open(
                settings: try PostgresConnectionSettings(url: cluster.url(database: try cluster.createDatabase(prefix: "web"))),
                options: options)
            database = postgres
            recorder = postgres
            closeStore = { await postgres.close() }
        }
        var configuration = Configuration()
        configuration.school.domains = ["hollowbrook.example"]
        // Accepted suggestions go to the fixture's directory, never the working one.
        configuration.learning.learnedFile = directory + "/learned.yaml"
        configure(&configuration)
        let hasher = PasswordHasher(cost: 4)
        for (name, role) in [("rita", WebUser.Role.reviewer), ("aud", .auditor), ("adam", .admin)] {
            try await database.addWebUser(
                WebUser(name: name, role: role, passwordHash: try await hasher.hash(Self.password), createdAt: clock.now()), actor: "test")
        }
        let workflow = ReviewWorkflow(database: database, reinjector: submitter, removedHeaders: [])
        let clock = clock
        var app = ReviewWebApp(
            configuration: configuration, database: database, workflow: workflow, renderer: try await PageRenderer.bundled(),
            hasher: hasher, now: { clock.now() })
        app.selfService = SelfServiceDesk(
            signer: SelfServiceSigner(key: try await database.selfServiceKey()), web: configuration.web, alertSubmitter: alerts)
        self.app = app
        try await recordHeld(id: Self.heldID)
    }

    /// Runs `body` on a fresh fixture of `backend` and closes its store afterwards.
    static func with(
        _ backend: WebBackend, configure: (inout Configuration) -> Void = { _ in }, _ body: (WebFixture) async throws -> Void
    ) async throws {
        let fixture = try await WebFixture(backend: backend, configure: configure)
        do {
            try await body(fixture)
        } catch {
            await fixture.close()
            throw error
        }
        await fixture.close()
    }

    /// Records one more held message (of `school`, when given), as the milter does; its
    /// copy ends with its id, so that it is not taken for a duplicate of another.
    func recordHeld(id: String, school: String? = nil) async throws {
        let finding = Finding(
            detector: .upn, location: .body("1"), evidence: "UPN A1234…(redacted)", confidence: 0.95, sections: [.confidentiality])
        let report = ScanReport(
            decisionID: id, action: .quarantine, sections: [.confidentiality], findings: [finding],
            recipients: [Recipient(address: "friend@gmail.example", recipientClass: .personal)])
        let envelope = Envelope(sender: "teacher@hollowbrook.example", recipients: ["friend@gmail.example"], queueID: "4WEB1")
        try await recorder.recordQuarantine(
            DecisionRecord(report: report, envelope: envelope, decidedAt: clock.now(), configVersion: "cfg", school: school),
            rawMessage: Self.raw + (id == Self.heldID ? [] : Array("\(id)\r\n".utf8)))
    }

    func close() async {
        await closeStore()
        remove()
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The application `chaperone web` runs (`WebServer.application`), over this
    /// fixture's store and clock.
    func application() throws -> Application<RouterResponder<WebContext>> {
        try WebServer.application(app: app, logger: Logger(label: "test.web"))
    }

    /// Runs `body` through HummingbirdTesting: `.router` sends each request to the
    /// application's responder (middleware, access check, handlers) without a socket;
    /// `.live` starts the server on a loopback port and talks HTTP/1.1 to it.
    func test<Value: Sendable>(
        _ setup: TestingSetup = .router, _ body: @escaping @Sendable (WebClient) async throws -> Value
    ) async throws -> Value {
        let names = (session: app.sessionCookieName, login: app.loginCookieName)
        return try await application().test(setup) { client in
            try await body(WebClient(client: client, sessionCookie: names.session, loginCookie: names.login))
        }
    }

    func state(of id: String) async throws -> QuarantineState? {
        try await database.decision(id: id)?.quarantine?.state
    }

    func heldState() async throws -> QuarantineState? {
        try await database.decision(id: Self.heldID)?.quarantine?.state
    }
}

/// A clock the tests move forward.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_795_000_000))
    func now() -> Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Keeps what the release path submitted.
actor CapturingSubmitter: MailSubmitter {
    private(set) var messages: [OutgoingMessage] = []
    func submit(_ message: OutgoingMessage) async throws { messages.append(message) }
}

/// A response reduced to what the tests look at.
struct WebResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String

    /// The value a `Set-Cookie` header gives `name`, if any.
    func cookie(_ name: String) -> String? {
        for value in headers[values: .setCookie] where value.hasPrefix(name + "=") {
            return String(value.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    /// The first CSRF token in the page's forms.
    var csrfToken: String? {
        guard let range = body.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// A HummingbirdTesting client with cookies and forms.
struct WebClient: Sendable {
    let client: any TestClientProtocol
    /// The app's cookie names (`__Host-` prefixed over HTTPS).
    let sessionCookie: String
    let loginCookie: String

    func get(_ path: String, cookie: String? = nil) async throws -> WebResponse {
        try await send(path, method: .get, cookie: cookie, form: nil)
    }

    func post(_ path: String, cookie: String? = nil, form: [(String, String)]) async throws -> WebResponse {
        try await send(path, method: .post, cookie: cookie, form: form)
    }

    func send(_ path: String, method: HTTPRequest.Method, cookie: String?, form: [(String, String)]?) async throws -> WebResponse {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            let allowed = CharacterSet.alphanumerics
            body = ByteBuffer(string: form.map { name, value in
                "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
            }.joined(separator: "&"))
        }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        return WebResponse(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// Signs in and returns the session cookie (`chaperone_session=…`), or nil with the
    /// failed response's status.
    func signIn(_ name: String, password: String = WebFixture.password) async throws -> (cookie: String?, response: WebResponse) {
        let form = try await get("/login")
        guard let token = form.cookie(loginCookie) else { return (nil, form) }
        let response = try await post(
            "/login", cookie: "\(loginCookie)=\(token)", form: [("csrf", token), ("name", name), ("password", password)])
        return (response.cookie(sessionCookie).map { "\(sessionCookie)=\($0)" }, response)
    }

    /// The CSRF token of a signed-in page.
    func csrf(_ cookie: String, page: String = "/audit") async throws -> String {
        let response = try await get(page, cookie: cookie)
        guard let token = response.csrfToken else { throw WebTestFailure("no CSRF token on \(page): \(response.status)") }
        return token
    }
}

struct WebTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
