import ChaperoneModel
import Foundation

/// Writes the short notice a sender receives when their message was delivered with its
/// To and Cc lines replaced (recipients exposed to each other, `rewrite`): what was
/// changed, why, and how to avoid it. Gives the count of families or organisations,
/// never an address. Pure.
struct RewriteNoticeComposer {
    let configuration: Configuration

    func compose(report: ScanReport, decidedAt: Date) -> NoticeDocument {
        let groups = report.headerRewrite?.exposedGroups ?? 0
        let kept = report.headerRewrite?.visibleAddresses.isEmpty == false
        let section = Section.confidentiality
        return NoticeDocument(subject: "Your email was delivered with the recipients hidden", blocks: [
            .paragraph(
                "Your email sent on \(ExplanationComposer.dateText(decidedAt)) has been delivered to everyone you sent it to. "
                    + "\(configuration.school.name)'s outgoing mail check changed one thing first."),
            .heading("What was changed"),
            .paragraph(kept
                ? "The To and Cc lines now show only the school's own addresses; everyone else's address was removed from them."
                : "The To and Cc lines were replaced with \"undisclosed-recipients\", so no recipient can see who else received it."),
            .heading("Why"),
            .paragraph(
                "The To and Cc lines showed \(groups) families or organisations each other's email addresses. "
                    + "Section \(section.rawValue), \(section.title): \(section.rule)"),
            .heading("What to do next"),
            .paragraph("Nothing for this email. Next time you write to many parents or organisations at once, put their addresses in Bcc, or use the school's parent-messaging service."),
            .paragraph("Questions: \(configuration.school.itContact). Decision reference: \(report.decisionID)"),
        ])
    }
}
