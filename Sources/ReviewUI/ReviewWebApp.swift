import ChaperoneModel
import Foundation
import Hummingbird
import HummingbirdBcrypt
import Logging
import NIOCore
import Review
import Store

/// The review web app: its dependencies (the same store and ReviewWorkflow as the CLI:
/// SQLite, or the PostgreSQL store a trust's mail hosts share),
/// its sessions and sign-in limits, and its route table. `buildRouter()` registers every
/// route of `routes` behind `respond(to:request:context:)`, the one access check.
public struct ReviewWebApp: Sendable {
    public let configuration: Configuration
    /// The store: every account, audit event and decision the app shows or changes.
    public let database: any WebStore
    public let workflow: ReviewWorkflow
    public let sessions: SessionRegistry
    public let throttle: LoginThrottle
    let renderer: PageRenderer
    public let hasher: PasswordHasher
    /// A hash of a random password, checked when the name is unknown (equal timing).
    let unknownUserHash: String
    /// The clock (tests move it to expire sessions and lockouts).
    let now: @Sendable () -> Date
    /// Sender self-service (the notice's link); nil: the page says it is not set up.
    public var selfService: SelfServiceDesk?

    /// The session cookie's name (over HTTPS with the `__Host-` prefix: `sessionCookieName`).
    public static let sessionCookie = "chaperone_session"
    /// The sign-in form's CSRF cookie (there is no session yet to hold the token).
    public static let loginCookie = "chaperone_login"
    /// Over HTTPS the cookies' names start `__Host-`, so a browser takes them only when
    /// Secure, for path `/` and from this host itself, never from a sibling subdomain
    /// (ASVS 3.4.4).
    public var sessionCookieName: String { cookiePrefix + Self.sessionCookie }
    public var loginCookieName: String { cookiePrefix + Self.loginCookie }
    public var selfServiceCookieName: String { cookiePrefix + SelfServiceDesk.formCookie }
    private var cookiePrefix: String { configuration.web.usesSecureCookies ? "__Host-" : "" }

    public init(
        configuration: Configuration, database: any WebStore, workflow: ReviewWorkflow, renderer: PageRenderer,
        hasher: PasswordHasher = PasswordHasher(), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.hasher = hasher
        unknownUserHash = Bcrypt.hash(RandomToken.make(), cost: hasher.cost)
        self.configuration = configuration
        self.database = database
        self.workflow = workflow
        self.renderer = renderer
        self.now = now
        let web = configuration.web
        sessions = SessionRegistry(
            idleLimit: TimeInterval(web.sessionIdleMinutes * 60), absoluteLimit: TimeInterval(web.sessionAbsoluteHours * 3600),
            maxSessions: web.maxSessions)
        throttle = LoginThrottle(limit: web.addressFailureLimit, window: TimeInterval(web.lockoutMinutes * 60))
    }

    /// Every route of the app. Only sign-in, static assets, `/healthz` and the sender's
    /// self-service page (its own signed token instead of a session) are open.
    public static var routes: [WebRoute] {
        PublicRoutes.routes + LoginRoutes.routes + QuarantineRoutes.routes + DecisionRoutes.routes + LogRoutes.routes
            + DashboardRoutes.routes + AuditRoutes.routes + RosterRoutes.routes + UserRoutes.routes + SelfServiceRoutes.routes
            + SuggestionRoutes.routes
    }

    /// The router: security headers and the request log around every route.
    public func buildRouter() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityHeadersMiddleware(overHTTPS: configuration.web.usesSecureCookies))
        router.add(middleware: RequestLogMiddleware())
        for route in Self.routes {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await respond(to: route, request: request, context: context)
            }
        }
        return router
    }

    /// The access check every route goes through: a bounded form for POST, then for
    /// signed-in routes a live session of an enabled account whose role has the
    /// route's permission, and for POST the session's CSRF token.
    func respond(to route: WebRoute, request: Request, context: WebContext) async throws -> Response {
        var request = request
        var context = context
        if route.method == .post {
            let body = try await request.collectBody(upTo: FormFields.maxBytes)
            guard let form = FormFields(body: String(buffer: body)) else {
                return problem(.badRequest, "The form could not be read. Go back, reload the page and try again.", session: nil)
            }
            context.form = form
        }
        guard case .signedIn(let permission) = route.access else {
            return try await route.handler(request, context, self)
        }
        guard let session = try await liveSession(request) else {
            if route.method == .get { return PageRenderer.redirect(to: "/login") }
            return problem(.forbidden, "Your session has ended. Sign in again, then repeat what you were doing.", session: nil)
        }
        guard session.role.permissions.contains(permission) else {
            return problem(.forbidden, "Your account (\(session.role.rawValue)) may not do this.", session: session)
        }
        if route.method == .post {
            guard let sent = context.form["csrf"], RandomToken.equal(sent, session.csrfToken) else {
                return problem(.forbidden, "This form is out of date (its security token does not match). Reload the page and try again.", session: session)
            }
        }
        context.session = session
        return try await route.handler(request, context, self)
    }

    /// The session the request's cookie names, if it is live and its account still
    /// enabled with the same password; the role is read afresh from the store.
    func liveSession(_ request: Request) async throws -> WebSession? {
        guard let token = request.cookies[sessionCookieName]?.value,
              var session = await sessions.touch(token: String(token), now: now()) else { return nil }
        // A disabled account, or one whose password changed since sign-in (by an admin
        // or `chaperone user passwd`), has no live sessions.
        guard let user = try await database.webUser(named: session.userName), !user.disabled,
              user.passwordChangedAt <= session.createdAt else {
            await sessions.end(token: String(token))
            return nil
        }
        session.role = user.role
        session.schools = user.schools
        return session
    }

    /// The store as `session` may see it: every decision for an account of all schools,
    /// only its schools' decisions for a limited one (`SchoolLimitedStore`), and none
    /// without a session. Every page and action on decisions goes through this.
    func store(for session: WebSession?) -> any WebStore {
        guard let session else { return SchoolLimitedStore(base: database, schools: []) }
        return session.schools.isEmpty ? database : SchoolLimitedStore(base: database, schools: session.schools)
    }

    /// The review workflow over `store(for:)`: releases through the same listener.
    func workflow(for session: WebSession?) -> ReviewWorkflow {
        ReviewWorkflow(database: store(for: session), reinjector: workflow.reinjector, removedHeaders: workflow.removedHeaders)
    }

    /// An error page with a plain message.
    func problem(_ status: HTTPResponse.Status, _ message: String, session: WebSession?) -> Response {
        renderer.page("problem", title: "Cannot do that", values: ["message": message], session: session, status: status)
    }

    /// Cookie attributes: HttpOnly, SameSite=Strict, Secure under TLS, whole site.
    func cookie(_ name: String, value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: configuration.web.usesSecureCookies, httpOnly: true,
            sameSite: .strict)
    }
}

/// Logs each request as `serve` logs mail: method, path (decision ids only, never a
/// query string, which may hold a filter), status and account; never content.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        context.logger.info(
            "web request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
                "client": "\(context.clientAddress)",
            ])
        return response
    }
}
