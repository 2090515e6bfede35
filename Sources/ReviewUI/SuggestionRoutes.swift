import Foundation
import Hummingbird
import Learning
import Store

/// The suggestions page: the configuration changes the reviews support, with their
/// evidence, and (for roles that may review) accepting one into the learned file,
/// through the same `SuggestionAcceptance` as `chaperone suggest accept`, audited with
/// the signed-in account. The change applies when serve next reloads (SIGHUP). A learned
/// change applies to every school, so only accounts of every school accept.
enum SuggestionRoutes {
    static var routes: [WebRoute] {
        [
            WebRoute(.get, "/suggestions", .signedIn(.read)) { _, context, app in
                let acceptance = SuggestionAcceptance(configuration: app.configuration, store: app.store(for: context.session))
                let suggestions = try await acceptance.current(now: app.now())
                let mayAccept = context.session.map { $0.role.permissions.contains(.review) && $0.schools.isEmpty } ?? false
                let values: [String: Any] = [
                    "canAccept": mayAccept,
                    "limited": !(context.session?.schools.isEmpty ?? true),
                    "suggestions": suggestions.map(row),
                    "none": suggestions.isEmpty,
                    "reviewDays": app.configuration.learning.reviewDays,
                    "learnedFile": app.configuration.learning.learnedFile ?? "none (learning.learned_file is null)",
                ]
                return app.renderer.page("suggestions", title: "Suggestions", values: values, session: context.session)
            },
            WebRoute(.post, "/suggestions/accept", .signedIn(.review)) { _, context, app in
                guard let session = context.session, let id = context.form["id"], id.count <= 300, !id.isEmpty else {
                    return app.problem(.badRequest, "No suggestion was chosen. Go back and choose one.", session: context.session)
                }
                // A learned change applies to every school: an account limited to some
                // schools sees their evidence but cannot change the others' rules.
                guard session.schools.isEmpty else {
                    return app.problem(
                        .forbidden, "Your account is limited to some schools; a learned change applies to every school, so an account of all schools accepts it.",
                        session: session)
                }
                let acceptance = SuggestionAcceptance(configuration: app.configuration, store: app.store(for: session))
                let line: String
                do {
                    let accepted = try await acceptance.accept(id: id, actor: DecisionActions.actor(session), now: app.now())
                    line = "Accepted \(accepted.suggestion.id): \(accepted.suggestion.change). Written to \(accepted.path); it applies when chaperone serve reloads (SIGHUP)."
                } catch {
                    line = "\(id): not accepted — \(error)"
                }
                let values: [String: Any] = ["lines": [["text": line]], "back": "/suggestions"]
                return app.renderer.page("outcome", title: "Suggestion", values: values, session: session)
            },
        ]
    }

    static func row(_ suggestion: Suggestion) -> [String: Any] {
        [
            "id": suggestion.id, "change": suggestion.change, "reason": suggestion.reason,
            "decisions": suggestion.decisionIDs.prefix(20).map { ["id": $0] },
            "more": max(0, suggestion.decisionIDs.count - 20),
        ]
    }
}
