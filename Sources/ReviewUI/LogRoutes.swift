import Foundation
import Hummingbird
import Store

/// The log: every decision, with the filters of `chaperone log` (action, section,
/// sender, sender role, recipient class, age, quarantine state), paged.
enum LogRoutes {
    static var routes: [WebRoute] {
        [
            WebRoute(.get, "/log", .signedIn(.read)) { request, context, app in
                let filter = ListFilter(request: request)
                var values = try await QuarantineRoutes.listValues(filter: filter, session: context.session, app: app)
                values["showLogFilters"] = true
                values["stateChoices"] = QuarantineState.allCases.map {
                    ["value": $0.rawValue, "label": $0.rawValue, "selected": $0 == filter.state]
                }
                return app.renderer.page("log", title: "Log", values: values, session: context.session)
            }
        ]
    }
}

/// The audit trail: every review action, original opened, sign-in and account change,
/// newest first, paged.
enum AuditRoutes {
    static var routes: [WebRoute] {
        [
            WebRoute(.get, "/audit", .signedIn(.read)) { request, context, app in
                let page = request.uri.queryParameters["page"].flatMap { Int(String($0)) }.map { min(max($0, 0), 100_000) } ?? 0
                let pageSize = app.configuration.web.pageSize
                let store = app.store(for: context.session)
                let events = try await store.recentEvents(limit: pageSize + 1, offset: page * pageSize, schools: nil)
                let values: [String: Any] = [
                    "events": events.prefix(pageSize).map(row), "empty": events.isEmpty, "pageNumber": page + 1,
                    "hasPrevious": page > 0, "hasNext": events.count > pageSize, "previousPage": page - 1, "nextPage": page + 1,
                ]
                return app.renderer.page("audit", title: "Audit trail", values: values, session: context.session)
            }
        ]
    }

    static func row(_ event: ReviewEvent) -> [String: Any] {
        [
            "when": ViewFormatting.time(event.occurredAt), "actor": event.actor, "kind": event.kind.rawValue,
            "decisionID": event.decisionID ?? "", "hasDecision": event.decisionID != nil,
            "reason": event.reason ?? "", "detail": event.detail ?? "",
        ]
    }
}
