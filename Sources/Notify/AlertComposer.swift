import ChaperoneModel
import Foundation

/// Writes the alert sent to `notifications.alertRecipients` (IT, the DSL) when one of
/// `notifications.alertSections` fires: who sent what to whom, why, what was found
/// (redacted), and the decision id to look it up with `chaperone quarantine show`.
public struct AlertComposer: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The sections of `report` that call for an alert, empty when none do: those
    /// governing the rules that acted, so a tag under an alert section alerts too. A
    /// report that must reach the Designated Safeguarding Lead (pupil data sent to a
    /// restricted contact) alerts under §8 whatever `alert_sections` says.
    public func alertSections(in report: ScanReport) -> [Section] {
        guard !configuration.notifications.alertRecipients.isEmpty else { return [] }
        if report.sender.role == .pupil {
            // A pupil's held mail alerts the DSL when `pupils.alert_dsl` says so.
            guard configuration.pupils.alertDSL, report.action >= .quarantine else { return [] }
            return report.sections
        }
        return report.governingSections.filter {
            configuration.notifications.alertSections.contains($0)
                || (report.alertsSafeguardingLead && $0 == .confidentiality)
        }
    }

    public func compose(report: ScanReport, envelope: Envelope, decidedAt: Date, sections: [Section]) -> NoticeDocument {
        let titles = sections.map { "Section \($0.rawValue) \($0.title)" }.joined(separator: "; ")
        let verb = report.action == .reject ? "refused" : report.action == .quarantine ? "held" : "let through (\(report.action.rawValue))"
        let address = envelope.sender.isEmpty ? "(no sender)" : envelope.sender
        let sender = report.sender.role == .staff ? address : "\(address) (\(report.sender.role.rawValue))"
        let explanation = ExplanationComposer(configuration: configuration)
        return NoticeDocument(
            subject: "Chaperone alert: \(titles)",
            blocks: [
                .paragraph("An email from \(sender) sent on \(ExplanationComposer.dateText(decidedAt)) was \(verb)."),
                .heading("Recipients"),
                .list(report.recipients.isEmpty
                      ? envelope.recipients
                      : report.recipients.map { "\($0.address) (\($0.recipientClass.wording))" }),
                .heading(report.action >= .quarantine ? "Sections breached" : "Sections governing the rules that acted (delivered, no breach)"),
                .list(sections.map { "Section \($0.rawValue), \($0.title): \($0.rule)" }),
                .heading("What was found"),
                .list(explanation.findingLines(report.findings)),
                .paragraph("Review it with: chaperone quarantine show \(report.decisionID)"),
            ])
    }
}
