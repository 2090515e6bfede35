import Foundation
import Hummingbird
import Review
import Store

/// The quarantine page (held messages, newest first, filtered and paged) and its bulk
/// release / delete / false-positive with one reason.
enum QuarantineRoutes {
    static var routes: [WebRoute] {
        [
            WebRoute(.get, "/quarantine", .signedIn(.read)) { request, context, app in
                try await page(request, context: context, app: app, message: nil)
            },
            WebRoute(.post, "/quarantine/bulk", .signedIn(.review)) { request, context, app in
                try await bulk(request, context: context, app: app)
            },
        ]
    }

    /// The list; `ListFilter` with `state` forced to held.
    static func page(_ request: Request, context: WebContext, app: ReviewWebApp, message: String?) async throws -> Response {
        var filter = ListFilter(request: request)
        filter.state = .held
        let values = try await listValues(filter: filter, session: context.session, app: app)
        var all = values
        all["message"] = message ?? ""
        all["hasMessage"] = message != nil
        return app.renderer.page("quarantine", title: "Quarantine", values: all, session: context.session)
    }

    /// The values of one page of held messages (the benchmark renders the same).
    static func listValues(filter: ListFilter, session: WebSession?, app: ReviewWebApp) async throws -> [String: Any] {
        let pageSize = app.configuration.web.pageSize
        let found = try await app.store(for: session).decisions(matching: filter.decisionFilter(pageSize: pageSize, now: app.now()))
        let shown = Array(found.prefix(pageSize))
        // Held messages whose sender asked for release (from the notice's link) are marked.
        let requests = try await app.store(for: session).releaseRequests(among: shown.map(\.decisionID))
        let rows = shown.map { decision -> [String: Any] in
            var row = ViewFormatting.row(decision)
            row["requested"] = requests[decision.decisionID] != nil
            return row
        }
        var values = filter.formValues()
        values["rows"] = rows
        values["empty"] = rows.isEmpty
        values["pageNumber"] = filter.page + 1
        values["hasPrevious"] = filter.page > 0
        values["hasNext"] = found.count > pageSize
        values["previousQuery"] = filter.query(page: filter.page - 1)
        values["nextQuery"] = filter.query(page: filter.page + 1)
        return values
    }

    static func bulk(_ request: Request, context: WebContext, app: ReviewWebApp) async throws -> Response {
        guard let session = context.session else { return app.problem(.forbidden, "Sign in first.", session: nil) }
        let form = context.form
        let ids = form.all("id").filter(DecisionActions.isDecisionID)
        guard let reason = form.text("reason") else {
            return app.problem(.badRequest, "Give a reason: it is recorded in the audit trail with your name.", session: session)
        }
        guard !ids.isEmpty, let action = form["action"].flatMap(DecisionActions.Kind.init(rawValue:)) else {
            return app.problem(.badRequest, "Tick at least one message and choose release, delete or false positive.", session: session)
        }
        var lines: [String] = []
        for id in ids.prefix(app.configuration.web.pageSize) {
            lines.append(await DecisionActions.perform(action, decisionID: id, reason: reason, session: session, app: app))
        }
        return app.renderer.page(
            "outcome", title: "Done", values: ["lines": lines.map { ["text": $0] }, "back": "/quarantine"], session: session)
    }
}
