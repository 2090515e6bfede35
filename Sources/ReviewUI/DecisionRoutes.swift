import ChaperoneModel
import Foundation
import Hummingbird
import MIMEParser
import Review
import Store

/// One decision's page and its actions: release, delete, false positive (reviewers),
/// and opening the original with a stated reason (reviewers and auditors; audited).
enum DecisionRoutes {
    static var routes: [WebRoute] {
        [
            WebRoute(.get, "/decisions/:id", .signedIn(.read)) { _, context, app in
                try await page(context: context, app: app)
            },
            WebRoute(.post, "/decisions/:id/release", .signedIn(.review)) { _, context, app in
                try await act(.release, context: context, app: app)
            },
            WebRoute(.post, "/decisions/:id/delete", .signedIn(.review)) { _, context, app in
                try await act(.delete, context: context, app: app)
            },
            WebRoute(.post, "/decisions/:id/false-positive", .signedIn(.review)) { _, context, app in
                try await act(.falsePositive, context: context, app: app)
            },
            WebRoute(.post, "/decisions/:id/original", .signedIn(.readOriginal)) { _, context, app in
                try await original(context: context, app: app)
            },
        ]
    }

    static func decisionID(_ context: WebContext) -> String? {
        context.parameters.get("id").flatMap { DecisionActions.isDecisionID($0) ? $0 : nil }
    }

    static func page(context: WebContext, app: ReviewWebApp) async throws -> Response {
        guard let id = decisionID(context) else { return notFound(context, app) }
        let detail: DecisionDetail
        do {
            detail = try await DecisionDetail.load(decisionID: id, from: app.store(for: context.session), configuration: app.configuration)
        } catch StoreError.unknownDecision {
            return notFound(context, app)
        }
        var values = DecisionView(detail: detail, configuration: app.configuration).values
        if let action = try await app.store(for: context.session).selfServiceAction(decisionID: id) {
            values.merge(DecisionView.selfServiceValues(action)) { _, new in new }
        }
        return app.renderer.page("decision", title: "Decision \(id)", values: values, session: context.session)
    }

    static func act(_ kind: DecisionActions.Kind, context: WebContext, app: ReviewWebApp) async throws -> Response {
        guard let session = context.session, let id = decisionID(context) else { return notFound(context, app) }
        guard let reason = context.form.text("reason") else {
            return app.problem(.badRequest, "Give a reason: it is recorded in the audit trail with your name.", session: session)
        }
        // Another school's decision answers as one that does not exist.
        guard try await app.store(for: session).decision(id: id) != nil else { return notFound(context, app) }
        let line = await DecisionActions.perform(kind, decisionID: id, reason: reason, session: session, app: app)
        return app.renderer.page(
            "outcome", title: "Done", values: ["lines": [["text": line]], "back": "/decisions/\(id)"], session: session)
    }

    /// The original as text, with its parts listed: never rendered as HTML. The read
    /// is recorded (viewer and reason) before the copy is returned.
    static func original(context: WebContext, app: ReviewWebApp) async throws -> Response {
        guard let session = context.session, let id = decisionID(context) else { return notFound(context, app) }
        guard let reason = context.form.text("reason") else {
            return app.problem(.badRequest, "Say why you are opening this message: the reason is recorded with your name.", session: session)
        }
        let bytes: [UInt8]
        do {
            bytes = try await app.store(for: session).rawMessageForViewing(
                decisionID: id, viewer: DecisionActions.actor(session), reason: reason, at: app.now())
        } catch let error as StoreError {
            return app.problem(.notFound, error.description, session: session)
        }
        let parsed = MessageParser.parse(bytes, limits: app.configuration.limits)
        let parts = parsed.root.allParts.map { part -> [String: Any] in
            [
                "path": part.path, "type": "\(part.contentType.type)/\(part.contentType.subtype)",
                "filename": part.filename ?? "—", "size": part.encodedSize,
                "problems": part.problems.map(\.message).joined(separator: "; "),
            ]
        }
        let shown = bytes.prefix(OriginalView.maxShownBytes)
        let values: [String: Any] = [
            "id": id, "parts": parts, "text": String(decoding: shown, as: UTF8.self),
            "truncated": bytes.count > OriginalView.maxShownBytes, "shownBytes": shown.count, "totalBytes": bytes.count,
        ]
        return app.renderer.page("original", title: "Original of \(id)", values: values, session: session)
    }

    static func notFound(_ context: WebContext, _ app: ReviewWebApp) -> Response {
        app.problem(.notFound, "There is no decision with that id. Check it in the log.", session: context.session)
    }
}

/// Limits of the original's text view.
enum OriginalView {
    /// The most of a message shown as text; the rest is summarised (the parts table still lists every part).
    static let maxShownBytes = 2 * 1024 * 1024
}
