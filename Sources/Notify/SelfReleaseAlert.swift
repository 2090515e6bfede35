import ChaperoneModel
import Foundation

/// The alert IT and the DSL get when a sender released their own held message from the
/// notice's link, for the sections `notifications.alert_sections` names (as a hold of
/// those sections alerts): who, what was found (redacted), and the sender's justification.
public struct SelfReleaseAlert: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The alert to submit, or nil when none of the message's sections alert (or
    /// notifications are off, or no one receives alerts).
    public func message(report: ScanReport, envelope: Envelope, decidedAt: Date, justification: String, now: Date = Date()) -> OutgoingMessage? {
        guard configuration.notifications.enabled else { return nil }
        let composer = AlertComposer(configuration: configuration)
        let sections = composer.alertSections(in: report)
        guard !sections.isEmpty else { return nil }
        var document = composer.compose(report: report, envelope: envelope, decidedAt: decidedAt, sections: sections)
        let sender = envelope.sender.isEmpty ? "(no sender)" : envelope.sender
        document.subject = "Chaperone alert: released by its sender: " + sections.map { "Section \($0.rawValue) \($0.title)" }.joined(separator: "; ")
        document.blocks.insert(contentsOf: [
            .paragraph("\(sender) released this held message themselves from the link in their notice, on \(ExplanationComposer.dateText(now)), with the justification below. The school's configuration allows this for the rules that held it; the audit trail records it."),
            .heading("Justification"),
            .paragraph(justification),
        ], at: 0)
        let from = configuration.notifications.fromAddress
        let recipients = configuration.notifications.alertRecipients
        let writer = MIMEMessageWriter(
            from: from, to: recipients, date: now, messageID: StaffNotifier.newMessageID(from: from), inReplyTo: nil)
        return OutgoingMessage(envelopeSender: from, recipients: recipients, data: writer.render(document))
    }
}
