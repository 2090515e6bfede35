import Foundation
import Hummingbird
import Store

/// Sign-in and sign-out. The sign-in form carries a token also set in a cookie
/// (double submit, as there is no session yet); failures count against the account
/// (lockout, in the store) and the client address (`LoginThrottle`), and all fail with
/// one message so that accounts cannot be told apart.
enum LoginRoutes {
    static let failureMessage =
        "Sign-in failed: the name or password is wrong, or the account is locked or disabled after repeated failures. Wait and try again, or ask your Chaperone administrator."

    static var routes: [WebRoute] {
        [
            WebRoute(.get, "/", .open) { request, _, app in
                guard let session = try await app.liveSession(request) else { return PageRenderer.redirect(to: "/login") }
                return PageRenderer.redirect(to: session.role.homePath)
            },
            WebRoute(.get, "/login", .open) { request, _, app in
                if let session = try await app.liveSession(request) { return PageRenderer.redirect(to: session.role.homePath) }
                return loginPage(app, message: nil, status: .ok)
            },
            WebRoute(.post, "/login", .open) { request, context, app in
                try await signIn(request, context: context, app: app)
            },
            WebRoute(.post, "/logout", .signedIn(.ownSession)) { request, context, app in
                try await signOut(request, context: context, app: app)
            },
        ]
    }

    static func loginPage(_ app: ReviewWebApp, message: String?, status: HTTPResponse.Status) -> Response {
        let token = RandomToken.make()
        var response = app.renderer.page(
            "login", title: "Sign in", values: ["loginToken": token, "message": message ?? "", "hasMessage": message != nil],
            session: nil, status: status)
        response.setCookie(app.cookie(app.loginCookieName, value: token, maxAge: 3600))
        return response
    }

    static func signIn(_ request: Request, context: WebContext, app: ReviewWebApp) async throws -> Response {
        let now = app.now()
        guard let sent = context.form["csrf"], let cookie = request.cookies[app.loginCookieName]?.value,
              RandomToken.equal(sent, String(cookie)) else {
            return loginPage(app, message: "The sign-in form was out of date. Please try again.", status: .forbidden)
        }
        guard await !app.throttle.isBlocked(context.clientAddress, now: now) else {
            return loginPage(app, message: failureMessage, status: .tooManyRequests)
        }
        let name = context.form.text("name") ?? ""
        let password = context.form["password"] ?? ""
        let web = app.configuration.web
        var user: WebUser?
        if WebUser.isValidName(name) { user = try await app.database.webUser(named: name) }
        // Always pay for one bcrypt check, so an unknown name answers as slowly as a known one.
        let matches = try await app.hasher.verify(password, hash: user?.passwordHash ?? app.unknownUserHash)
        guard let user, matches, !user.disabled, (user.lockedUntil ?? .distantPast) <= now else {
            await app.throttle.recordFailure(context.clientAddress, now: now)
            if let user, !user.disabled, (user.lockedUntil ?? .distantPast) <= now {
                try await app.database.recordFailedLogin(
                    named: user.name, threshold: web.lockoutFailures, lockout: TimeInterval(web.lockoutMinutes * 60), at: now)
            }
            context.logger.notice("web sign-in failed", metadata: ["client": "\(context.clientAddress)"])
            return loginPage(app, message: failureMessage, status: .unauthorized)
        }
        try await app.database.recordSuccessfulLogin(named: user.name, clientAddress: context.clientAddress, at: now)
        let token = await app.sessions.start(userName: user.name, role: user.role, now: now)
        var response = PageRenderer.redirect(to: user.role.homePath)
        response.setCookie(app.cookie(app.sessionCookieName, value: token))
        response.setCookie(app.cookie(app.loginCookieName, value: "", maxAge: 0))
        return response
    }

    static func signOut(_ request: Request, context: WebContext, app: ReviewWebApp) async throws -> Response {
        if let token = request.cookies[app.sessionCookieName]?.value { await app.sessions.end(token: String(token)) }
        if let session = context.session {
            try await app.database.recordAuditNote(actor: session.userName, detail: "signed out", at: app.now())
        }
        var response = PageRenderer.redirect(to: "/login")
        response.setCookie(app.cookie(app.sessionCookieName, value: "", maxAge: 0))
        return response
    }
}
