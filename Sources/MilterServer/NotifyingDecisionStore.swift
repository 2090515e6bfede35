import ChaperoneModel
import Logging
import Notify
import Store
import ServiceMetrics

/// Records decisions in the real store, then, once a quarantine, a reject or a To/Cc
/// rewrite is durable,
/// explains it to the (internal) sender and alerts IT / the DSL where configured. The
/// notice is sent after the decision is stored and never delays or changes the
/// milter's reply; a failed notice is logged, without message content.
public struct NotifyingDecisionStore: DecisionStore {
    let store: any DecisionStore
    let notifier: StaffNotifier?
    let logger: Logger

    public init(store: any DecisionStore, notifier: StaffNotifier?, logger: Logger) {
        self.store = store
        self.notifier = notifier
        self.logger = logger
    }

    public func record(_ decision: DecisionRecord) async throws {
        try await store.record(decision)
        if decision.report.action == .reject || decision.report.recipientsRewritten { notify(decision) }
    }

    public func recordQuarantine(_ decision: DecisionRecord, rawMessage: [UInt8]) async throws {
        try await store.recordQuarantine(decision, rawMessage: rawMessage)
        notify(decision)
    }

    private func notify(_ decision: DecisionRecord) {
        guard let notifier else { return }
        let logger = self.logger
        Task {
            do {
                let outcome = try await notifier.messageDecided(
                    report: decision.report, envelope: decision.envelope,
                    isAutoSubmitted: decision.report.isAutoSubmitted, decidedAt: decision.decidedAt)
                let notice: String = switch outcome.notice {
                case .send: "sent"
                case .skip(let reason): "skipped:" + reason.rawValue
                }
                ChaperoneMetrics.notice(outcome: outcome.notice == .send ? "sent" : "skipped")
                logger.info("notice", metadata: [
                    "decision": "\(decision.report.decisionID)", "notice": "\(notice)", "alert": outcome.alertSent ? "sent" : "none",
                ])
            } catch {
                ChaperoneMetrics.notice(outcome: "failed")
                logger.error("notice could not be sent", metadata: [
                    "decision": "\(decision.report.decisionID)", "error": "\(error)",
                ])
            }
        }
    }
}
