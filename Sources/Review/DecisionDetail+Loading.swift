import ChaperoneModel
import Notify
import Store

extension DecisionDetail {
    /// Reads one decision and its audit trail, and writes the explanation its sender
    /// was (or would have been) sent under `configuration`.
    public static func load(decisionID: String, from database: any ReviewStore, configuration: Configuration) async throws -> DecisionDetail {
        guard let decision = try await database.decision(id: decisionID) else {
            throw StoreError.unknownDecision(decisionID)
        }
        let events = try await database.reviewEvents(decisionID: decisionID)
        let record = decision.record
        let notice = ExplanationComposer(configuration: configuration)
            .compose(report: record.report, envelope: record.envelope, decidedAt: record.decidedAt)
        return DecisionDetail(decision: decision, events: events, explanationNotice: notice.plainText)
    }
}
