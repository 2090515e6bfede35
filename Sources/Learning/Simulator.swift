import ChaperoneModel
import Foundation
import ScanPipeline
import Store

/// Decides every stored decision since a date again under proposed pipelines: a held
/// message whose copy is still within retention is scanned again in full (each copy
/// read is audited, as any read of a copy is), any other from its recorded findings.
/// Duplicates of a held retry are left out (their hold is the one counted).
public struct Simulator: Sendable {
    public let pipelines: SchoolPipelines
    public let store: any ReviewStore
    /// Who runs the simulation, recorded with each copy read.
    public let actor: String
    /// Expands a replayed copy's recorded envelope through the proposed configuration's
    /// aliases and lists, as the milter does before a scan (identity when none).
    public let expand: @Sendable (Envelope) throws -> Envelope
    /// Decisions read from the store at a time.
    public var pageSize = 500

    public init(
        pipelines: SchoolPipelines, store: any ReviewStore, actor: String,
        expand: @escaping @Sendable (Envelope) throws -> Envelope = { $0 }
    ) {
        self.pipelines = pipelines
        self.store = store
        self.actor = actor
        self.expand = expand
    }

    public func run(since: Date) async throws -> SimulationReport {
        var report = SimulationReport(since: since)
        var offset = 0
        while true {
            var filter = DecisionFilter(since: since, limit: pageSize)
            filter.offset = offset
            let page = try await store.decisions(matching: filter)
            for decision in page where decision.duplicateOf == nil {
                try await simulate(decision, into: &report)
            }
            guard page.count == pageSize else { break }
            offset += pageSize
        }
        report.changes.sort { $0.decisionID < $1.decisionID }
        return report
    }

    private func simulate(_ decision: StoredDecision, into report: inout SimulationReport) async throws {
        let record = decision.record
        var basis = SimulationReport.Basis.recordedFindings
        let after: ScanReport
        do {
            if decision.quarantine?.hasStoredCopy == true,
               let copy = try? await store.rawMessageForViewing(
                   decisionID: decision.decisionID, viewer: actor, reason: "chaperone simulate", at: Date()) {
                basis = .storedCopy
                after = try pipelines.scan(message: copy, envelope: try expand(record.envelope))
            } else {
                after = try pipelines.redecide(record.report, envelope: record.envelope)
            }
        } catch {
            report.failures.append(.init(decisionID: decision.decisionID, reason: "\(error)"))
            return
        }
        if basis == .storedCopy { report.replayedCopies += 1 } else { report.redecidedFromFindings += 1 }
        guard after.action != record.report.action else { return }
        report.changes.append(SimulationReport.Change(
            decisionID: decision.decisionID, basis: basis, before: record.report.action, after: after.action,
            rulesBefore: record.report.rules, rulesAfter: after.rules, sectionsAfter: after.sections.map(\.rawValue)))
    }
}
