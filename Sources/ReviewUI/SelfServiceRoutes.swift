import ChaperoneModel
import Foundation
import Hummingbird
import Notify
import Review
import Store

/// The sender's self-service page, opened from the link in their notice without a
/// sign-in: what was found (redacted), which section and why, and the forms the
/// configuration allows (request release, release now, withdraw). The token is in the
/// query (never logged) and in the form; the form carries a CSRF token also set in a
/// cookie; a link that does not work is audited and counts against the client address.
enum SelfServiceRoutes {
    /// Said for every link that does not work, whatever the reason (the audit trail has it).
    static let refusalMessage =
        "This link does not work: it may have been used already (each link works once), have expired, or be incomplete. If your message still needs to go, contact IT and quote the decision reference in your notice."
    static let blockedMessage =
        "Too many links that did not work came from your address. Wait a while and try again, or contact IT."

    static var routes: [WebRoute] {
        [
            WebRoute(.get, SelfServiceLinker.path, .open) { request, context, app in
                try await page(request.uri.queryParameters["t"].map(String.init), context: context, app: app)
            },
            WebRoute(.post, SelfServiceLinker.path, .open) { request, context, app in
                try await act(request, context: context, app: app)
            },
        ]
    }

    static func page(_ tokenText: String?, context: WebContext, app: ReviewWebApp) async throws -> Response {
        guard let desk = app.selfService else { return notSetUp(app) }
        let granted: SelfServiceCheck.Granted
        switch try await checked(tokenText, desk: desk, context: context, app: app) {
        case .granted(let found): granted = found
        case .refused(let response): return response
        }
        let formToken = RandomToken.make()
        var values = SelfServiceView(granted: granted).values
        values["token"] = granted.token.text
        values["formToken"] = formToken
        var response = app.renderer.page("self-service", title: "Your held email", values: values, session: nil)
        response.setCookie(app.cookie(app.selfServiceCookieName, value: formToken, maxAge: 3600))
        return response
    }

    static func act(_ request: Request, context: WebContext, app: ReviewWebApp) async throws -> Response {
        guard let desk = app.selfService else { return notSetUp(app) }
        let form = context.form
        guard let sent = form["csrf"], let cookie = request.cookies[app.selfServiceCookieName]?.value,
              RandomToken.equal(sent, String(cookie)) else {
            return app.problem(.forbidden, "This form is out of date (its security token does not match). Open the link in your notice again.", session: nil)
        }
        let granted: SelfServiceCheck.Granted
        switch try await checked(form["t"], desk: desk, context: context, app: app) {
        case .granted(let found): granted = found
        case .refused(let response): return response
        }
        guard let kind = form["action"].flatMap(SelfServiceAction.Kind.init(rawValue:)) else {
            return app.problem(.badRequest, "Choose release, ask for release, or withdraw.", session: nil)
        }
        var justification: String?
        if kind != .withdraw {
            guard let text = form.text("justification") else {
                return app.problem(.badRequest, "Say why the message needs to go: your reason is recorded with your address.", session: nil)
            }
            let limit = granted.configuration.selfService.maxJustificationCharacters
            guard text.count <= limit else {
                return app.problem(
                    .badRequest, "Your reason is \(text.count) characters; the limit is \(limit) (self_service.max_justification_characters). Shorten it and try again.",
                    session: nil)
            }
            justification = text
        }
        if kind == .release, granted.permission != .release {
            return app.problem(.forbidden, "The school does not allow this message to be released by its sender. You can ask IT to release it instead.", session: nil)
        }
        return try await SelfServiceOutcome.perform(kind, justification: justification, granted: granted, desk: desk, context: context, app: app)
    }

    /// The check, with a refused link audited, counted against the address and answered
    /// with the one refusal page.
    static func checked(
        _ tokenText: String?, desk: SelfServiceDesk, context: WebContext, app: ReviewWebApp
    ) async throws -> Checked {
        let now = app.now()
        guard await !desk.throttle.isBlocked(context.clientAddress, now: now) else {
            return .refused(app.problem(.tooManyRequests, blockedMessage, session: nil))
        }
        let check = SelfServiceCheck(store: app.database, signer: desk.signer, configuration: app.configuration)
        switch try await check.check(tokenText, now: now) {
        case .success(let granted):
            return .granted(granted)
        case .failure(let refused):
            await desk.throttle.recordFailure(context.clientAddress, now: now)
            try await app.database.recordSelfServiceRefusal(
                decisionID: refused.decisionID, actor: "self-service link (from \(context.clientAddress))",
                detail: "link refused: \(refused.reason.rawValue)", at: now)
            context.logger.notice("self-service link refused", metadata: ["reason": "\(refused.reason.rawValue)", "client": "\(context.clientAddress)"])
            return .refused(app.problem(.forbidden, refusalMessage, session: nil))
        }
    }

    /// A checked link: what it may do, or the page that refuses it.
    enum Checked {
        case granted(SelfServiceCheck.Granted)
        case refused(Response)
    }

    static func notSetUp(_ app: ReviewWebApp) -> Response {
        app.problem(.notFound, "Self-service is not set up on this server. Contact IT about your held message.", session: nil)
    }
}
