import ChaperoneModel
import Foundation
import Store

/// Checks a self-service token against the store: well formed, for a decision that
/// exists, signed for that decision's sender, not expired (by the token and by the
/// decision's time under today's `self_service.token_hours`), not spent, the message
/// still held, and self-service still allowed for the rules that held it.
struct SelfServiceCheck {
    /// A token that passed, with what it may do.
    struct Granted {
        var token: SelfServiceToken
        var decision: StoredDecision
        var configuration: Configuration
        var permission: SelfServicePermission
        var sender: String { decision.record.envelope.sender }
    }

    /// A token that did not, with the decision when the token named one that exists.
    struct Refused: Error {
        var reason: SelfServiceRefusal
        var decisionID: String?
    }

    var store: any WebStore
    var signer: SelfServiceSigner
    var configuration: Configuration

    func check(_ text: String?, now: Date) async throws -> Result<Granted, Refused> {
        guard let text, let token = SelfServiceToken(text: text) else { return .failure(Refused(reason: .malformed)) }
        guard let decision = try await store.decision(id: token.decisionID) else {
            return .failure(Refused(reason: .unknownDecision))
        }
        let id = decision.decisionID
        if let refusal = signer.refusal(of: token, sender: decision.record.envelope.sender, now: now) {
            return .failure(Refused(reason: refusal, decisionID: id))
        }
        let school = schoolConfiguration(decision.record.report.schoolID)
        let lifetime = TimeInterval(school.selfService.tokenHours * 3600)
        guard now < decision.record.decidedAt.addingTimeInterval(lifetime) else { return .failure(Refused(reason: .expired, decisionID: id)) }
        guard try await store.selfServiceAction(decisionID: id) == nil else { return .failure(Refused(reason: .used, decisionID: id)) }
        guard decision.quarantine?.state == .held else { return .failure(Refused(reason: .notHeld, decisionID: id)) }
        let permission = SelfServiceScope.permission(for: decision.record.report, configuration: school)
        guard permission != .none else { return .failure(Refused(reason: .notAllowed, decisionID: id)) }
        return .success(Granted(token: token, decision: decision, configuration: school, permission: permission))
    }

    /// The configuration of the decision's school (the whole one in the single-school form).
    func schoolConfiguration(_ id: String?) -> Configuration {
        id.flatMap { id in configuration.schools.first { $0.id == id }?.configuration } ?? configuration
    }
}
