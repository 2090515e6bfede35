import Foundation
import Review
import Store

/// Release, delete and false-positive from the web, through the same `ReviewWorkflow`
/// as `chaperone quarantine`, recorded with the signed-in account.
enum DecisionActions {
    enum Kind: String, CaseIterable, Sendable {
        case release
        case delete
        case falsePositive = "false-positive"
    }

    /// The audit trail's actor for a web action: the account, and where it came from.
    static func actor(_ session: WebSession) -> String { "\(session.userName) (web)" }

    /// Decision ids as the store makes them (`CH-20261124-7Q3K9X2M`); anything else is
    /// refused before it reaches the store.
    static func isDecisionID(_ text: String) -> Bool {
        text.count <= 40 && text.hasPrefix("CH-") && text.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// Does one action and says in a sentence what happened (never throws: a failure
    /// is the sentence).
    static func perform(_ kind: Kind, decisionID: String, reason: String, session: WebSession, app: ReviewWebApp) async -> String {
        let actor = actor(session)
        do {
            switch kind {
            case .release:
                try await app.workflow(for: session).release(decisionID: decisionID, reviewer: actor, reason: reason)
                return "\(decisionID): released; Postfix accepted the stored copy for delivery."
            case .delete:
                try await app.workflow(for: session).delete(decisionID: decisionID, reviewer: actor, reason: reason)
                return "\(decisionID): deleted; the stored copy is gone."
            case .falsePositive:
                let released = try await app.workflow(for: session).markFalsePositive(decisionID: decisionID, reviewer: actor, reason: reason)
                return "\(decisionID): labelled a false positive" + (released ? " and released." : ".")
            }
        } catch {
            return "\(decisionID): not done — \(error)"
        }
    }
}
