import ChaperoneModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTesting
import Logging
import NIOCore
import Notify
import Review
import ReviewUI
import Store
import Synchronization

/// A temporary store with one held message (its body has live HTML, to prove it is
/// never rendered), three accounts (reviewer, auditor, admin), and the web app over it
/// with a movable clock and an in-memory reinjection listener.
struct WebFixture {
    static let heldID = "CH-20261124-HELDWEB2"
    static let password = "correct horse battery"
    static let raw = Array(
        "From: teacher@hollowbrook.example\r\nTo: friend@gmail.example\r\nSubject: marks\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script><b>Year 9 marks</b>\r\n".utf8)

    let directory: String
    let database: AppDatabase
    let submitter = CapturingSubmitter()
    let clock = TestClock()
    let app: ReviewWebApp

    init(configure: (inout Configuration) -> Void = { _ in }) async throws {
        directory = NSTemporaryDirectory() + "chaperone-web-" + UUID().uuidString
        database = try AppDatabase(path: directory + "/chaperone.sqlite")
        var configuration = Configuration()
        configuration.school.domains = ["hollowbrook.example"]
        configure(&configuration)
        let finding = Finding(
            detector: .upn, location: .body("1"), evidence: "UPN A1234…(redacted)", confidence: 0.95, sections: [.confidentiality])
        let report = ScanReport(
            decisionID: Self.heldID, action: .quarantine, sections: [.confidentiality], findings: [finding],
            recipients: [Recipient(address: "friend@gmail.example", recipientClass: .personal)])
        let envelope = Envelope(sender: "teacher@hollowbrook.example", recipients: ["friend@gmail.example"], queueID: "4WEB1")
        try await database.insertQuarantine(
            DecisionRecord(report: report, envelope: envelope, decidedAt: clock.now(), configVersion: "cfg"), rawMessage: Self.raw)
        let hasher = PasswordHasher(cost: 4)
        for (name, role) in [("rita", WebUser.Role.reviewer), ("aud", .auditor), ("adam", .admin)] {
            try await database.addWebUser(
                WebUser(name: name, role: role, passwordHash: try await hasher.hash(Self.password), createdAt: clock.now()), actor: "test")
        }
        let workflow = ReviewWorkflow(database: database, reinjector: submitter, removedHeaders: [])
        let clock = clock
        app = ReviewWebApp(
            configuration: configuration, database: database, workflow: workflow, renderer: try await PageRenderer.bundled(),
            hasher: hasher, now: { clock.now() })
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

    /// Holds one more message, its own (not a duplicate hold of the fixture's message).
    func hold(_ id: String) async throws {
        let raw = Array("From: teacher@hollowbrook.example\r\nTo: friend@gmail.example\r\nSubject: \(id)\r\n\r\nYear 9 marks\r\n".utf8)
        let report = ScanReport(
            decisionID: id, action: .quarantine, sections: [.confidentiality], findings: [],
            recipients: [Recipient(address: "friend@gmail.example", recipientClass: .personal)])
        let envelope = Envelope(sender: "teacher@hollowbrook.example", recipients: ["friend@gmail.example"], queueID: "Q\(id.suffix(8))")
        try await database.insertQuarantine(
            DecisionRecord(report: report, envelope: envelope, decidedAt: clock.now(), configVersion: "cfg"), rawMessage: raw)
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
