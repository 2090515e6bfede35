import ChaperoneModel
import Foundation

/// Picks the composer for a notice's audience: the pupil notice for pupils, the staff
/// explanation for staff, and the staff explanation introduced for a system sender's
/// owner.
struct NoticeWriting {
    let configuration: Configuration

    func document(report: ScanReport, envelope: Envelope, decidedAt: Date, audience: NoticePlan.Audience) -> NoticeDocument {
        if report.recipientsRewritten {
            return RewriteNoticeComposer(configuration: configuration).compose(report: report, decidedAt: decidedAt)
        }
        switch audience {
        case .pupil:
            return PupilNoticeComposer(configuration: configuration).compose(report: report, envelope: envelope, decidedAt: decidedAt)
        case .staff:
            return ExplanationComposer(configuration: configuration).compose(report: report, envelope: envelope, decidedAt: decidedAt)
        case .systemOwner:
            var document = ExplanationComposer(configuration: configuration).compose(report: report, envelope: envelope, decidedAt: decidedAt)
            let sender = envelope.sender.isEmpty ? "a system sender" : envelope.sender
            document.subject = "Held email from \(sender): " + document.subject
            document.blocks.insert(.paragraph(
                "You are told because you look after \(sender), a system sender (such as the MIS or the parent-messaging service) whose mail nobody reads. In what follows, \"you\" means that sender."), at: 0)
            return document
        }
    }
}
