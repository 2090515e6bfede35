import ChaperoneModel
import Foundation

/// Writes the notice a pupil receives when their email was held or refused: short and
/// plain — what was held, why in a pupil's words, that a member of staff will look at
/// it, and who to ask. It never cites the staff code of conduct, never accuses, and
/// lists nothing that was found. Pure.
public struct PupilNoticeComposer: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    public func compose(report: ScanReport, envelope: Envelope, decidedAt: Date) -> NoticeDocument {
        let held = report.action != .reject
        let recipients = report.recipients.isEmpty ? envelope.recipients : report.recipients.map(\.address)
        let contact = configuration.pupils.contact ?? configuration.school.itContact
        var blocks: [NoticeDocument.Block] = [
            .paragraph(held
                ? "The email you sent on \(ExplanationComposer.dateText(decidedAt)) has been held by the school's email check and has not been sent yet. It was to:"
                : "The email you sent on \(ExplanationComposer.dateText(decidedAt)) was not sent by the school's email check. It was to:"),
            .list(recipients),
            .paragraph(Self.why(report)),
        ]
        blocks.append(.paragraph(held
            ? "A member of staff will look at it. If it is fine, it will be sent on; you don't need to do anything."
            : "If it needs to be sent, a member of staff can help you send it safely."))
        blocks.append(.paragraph("If you have a question, ask \(contact) and give them this reference: \(report.decisionID)"))
        return NoticeDocument(subject: held ? "Your email has been held" : "Your email was not sent", blocks: blocks)
    }

    static func why(_ report: ScanReport) -> String {
        if report.sections.contains(.confidentiality), report.findings.contains(where: { $0.detector != .unscannableContent && !$0.sections.isEmpty }) {
            return "It seems to contain personal information about other pupils (for example a list of pupils, their dates of birth or pupil numbers). That information has to stay in school, so it was kept back to be safe."
        }
        return "Part of it could not be checked (for example a locked or damaged file), so it was kept back to be safe."
    }
}
