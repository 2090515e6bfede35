import ChaperoneModel
import Foundation
import Hummingbird
import Notify
import Review
import Store

/// Does what the sender chose, after spending the decision's links (so exactly one
/// action happens however often the form is sent): records a request for the reviewers;
/// releases through the same `ReviewWorkflow` as a reviewer (exactly once, audited with
/// the sender as actor and the justification as reason), then alerts for the sections
/// that alert; or deletes the stored copy as a reviewer's delete does.
enum SelfServiceOutcome {
    static func perform(
        _ kind: SelfServiceAction.Kind, justification: String?, granted: SelfServiceCheck.Granted, desk: SelfServiceDesk,
        context: WebContext, app: ReviewWebApp
    ) async throws -> Response {
        let id = granted.decision.decisionID
        let sender = granted.sender
        let now = app.now()
        do {
            try await app.database.spendSelfService(
                SelfServiceAction(decisionID: id, kind: kind, sender: sender, justification: justification, occurredAt: now))
        } catch StoreError.selfServiceSpent {
            return app.problem(.forbidden, SelfServiceRoutes.refusalMessage, session: nil)
        }
        let actor = SelfServiceAction.actor(sender: sender)
        let line: String
        switch kind {
        case .request:
            line = "Your request is with IT, with your reason. They will release the message or tell you why not. Decision reference: \(id)."
        case .release:
            do {
                try await app.workflow.release(decisionID: id, reviewer: actor, reason: justification ?? "")
            } catch {
                context.logger.error("self-release failed", metadata: ["decision": "\(id)", "error": "\(error)"])
                return app.problem(
                    .internalServerError,
                    "Your message could not be released just now; the failure is recorded. Contact IT and quote the decision reference \(id).",
                    session: nil)
            }
            await alert(granted: granted, justification: justification ?? "", desk: desk, context: context, now: now)
            line = "Your message has been released and is on its way. Your reason is recorded. Decision reference: \(id)."
        case .withdraw:
            do {
                try await app.workflow.delete(decisionID: id, reviewer: actor, reason: "withdrawn by the sender from the notice's link")
            } catch {
                context.logger.error("self-withdrawal failed", metadata: ["decision": "\(id)", "error": "\(error)"])
                return app.problem(
                    .internalServerError, "Your message could not be withdrawn just now. Contact IT and quote the decision reference \(id).",
                    session: nil)
            }
            line = "Your message has been withdrawn: the held copy is deleted and nothing was sent. Send it again correctly. Decision reference: \(id)."
        }
        context.logger.info("self-service", metadata: ["decision": "\(id)", "action": "\(kind.rawValue)"])
        return app.renderer.page("self-service-done", title: "Done", values: ["text": line], session: nil)
    }

    /// The DSL alert of a self-release; a failure is logged (the release stands).
    private static func alert(
        granted: SelfServiceCheck.Granted, justification: String, desk: SelfServiceDesk, context: WebContext, now: Date
    ) async {
        let record = granted.decision.record
        guard let submitter = desk.alertSubmitter,
              let message = SelfReleaseAlert(configuration: granted.configuration).message(
                  report: record.report, envelope: record.envelope, decidedAt: record.decidedAt, justification: justification, now: now)
        else { return }
        do {
            try await submitter.submit(message)
        } catch {
            context.logger.error("self-release alert could not be sent", metadata: ["decision": "\(record.report.decisionID)", "error": "\(error)"])
        }
    }
}
