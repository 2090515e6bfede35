import ChaperoneModel
import Foundation

/// Sends the explanation to an internal sender whose message was quarantined or
/// rejected, and the alert for chosen sections, through a `MailSubmitter` (the local
/// Postfix's milter-free listener), at most once per message.
public actor StaffNotifier {
    private let configuration: Configuration
    /// Each school's configuration under `schools:`, by id: its name, IT contact and
    /// alert recipients go into the notices about its mail.
    private let schoolConfigurations: [String: Configuration]
    private let submitter: any MailSubmitter
    /// Makes the self-service link a held staff sender's notice carries; nil: no links.
    private let selfServiceLinks: (any SelfServiceLinking)?
    private var ledger = NoticeLedger()
    private var alertLedger = NoticeLedger()

    public init(configuration: Configuration, submitter: any MailSubmitter, selfServiceLinks: (any SelfServiceLinking)? = nil) {
        self.configuration = configuration
        self.selfServiceLinks = selfServiceLinks
        self.schoolConfigurations = Dictionary(configuration.schools.map { ($0.id, $0.configuration) }, uniquingKeysWith: { first, _ in first })
        self.submitter = submitter
    }

    /// The configuration of the school the report names (the whole one in the
    /// single-school form).
    private func configuration(of report: ScanReport) -> Configuration {
        report.schoolID.flatMap { schoolConfigurations[$0] } ?? configuration
    }

    /// Explains the decision to its sender when eligible, then alerts when a chosen
    /// section fired. Throws only the submission error; the decision stands regardless.
    public func messageDecided(
        report: ScanReport, envelope: Envelope, isAutoSubmitted: Bool, decidedAt: Date = Date()
    ) async throws -> NotifyOutcome {
        let configuration = configuration(of: report)
        let plan = NoticePlan.make(report: report, envelope: envelope, isAutoSubmitted: isAutoSubmitted, configuration: configuration)
        var eligibility = plan.eligibility
        let keys = ["decision:" + report.decisionID] + (report.messageID.map { ["message-id:" + $0] } ?? [])
        var failure: (any Error)?
        if eligibility == .send {
            if ledger.claim(keys) {
                let notice = explanationMessage(report: report, envelope: envelope, decidedAt: decidedAt, plan: plan)
                do {
                    try await submitter.submit(notice)
                } catch {
                    ledger.release(keys)
                    failure = error
                }
            } else {
                eligibility = .skip(.alreadyNotified)
            }
        }
        // The alert is attempted even when the explanation could not be sent.
        let alertSent = try await sendAlertIfNeeded(report: report, envelope: envelope, decidedAt: decidedAt, keys: keys)
        if let failure { throw failure }
        return NotifyOutcome(notice: eligibility, alertSent: alertSent)
    }

    /// The explanation as it would be sent (also used by `chaperone quarantine show`).
    /// `plan` says who receives it and in which voice (made from the report when nil).
    public func explanationMessage(report: ScanReport, envelope: Envelope, decidedAt: Date, plan: NoticePlan? = nil) -> OutgoingMessage {
        let configuration = configuration(of: report)
        let plan = plan ?? NoticePlan.make(report: report, envelope: envelope, isAutoSubmitted: false, configuration: configuration)
        let recipient = plan.recipient.isEmpty ? envelope.sender : plan.recipient
        var document = NoticeWriting(configuration: configuration)
            .document(report: report, envelope: envelope, decidedAt: decidedAt, audience: plan.audience)
        // Only the sender themselves gets a link (it is bound to their address), and only
        // about a held message whose notice is the ordinary explanation.
        if plan.audience == .staff, !report.recipientsRewritten, recipient.lowercased() == envelope.sender.lowercased(),
           let link = selfServiceLinks?.link(for: report, envelope: envelope, decidedAt: decidedAt, configuration: configuration) {
            document.blocks.insert(contentsOf: link.blocks, at: max(document.blocks.count - 1, 0))
        }
        let writer = MIMEMessageWriter(
            from: configuration.notifications.fromAddress, to: [recipient], date: Date(),
            messageID: Self.newMessageID(from: configuration.notifications.fromAddress), inReplyTo: report.messageID)
        // The null envelope sender: an auto-reply must not itself be answered (RFC 3834 §3.3).
        return OutgoingMessage(envelopeSender: "", recipients: [recipient], data: writer.render(document))
    }

    private func sendAlertIfNeeded(report: ScanReport, envelope: Envelope, decidedAt: Date, keys: [String]) async throws -> Bool {
        let configuration = configuration(of: report)
        guard configuration.notifications.enabled else { return false }
        let composer = AlertComposer(configuration: configuration)
        let sections = composer.alertSections(in: report)
        guard !sections.isEmpty, alertLedger.claim(keys) else { return false }
        let recipients = configuration.notifications.alertRecipients
        let writer = MIMEMessageWriter(
            from: configuration.notifications.fromAddress, to: recipients, date: Date(),
            messageID: Self.newMessageID(from: configuration.notifications.fromAddress), inReplyTo: nil)
        let document = composer.compose(report: report, envelope: envelope, decidedAt: decidedAt, sections: sections)
        let message = OutgoingMessage(
            envelopeSender: configuration.notifications.fromAddress, recipients: recipients, data: writer.render(document))
        do {
            try await submitter.submit(message)
        } catch {
            alertLedger.release(keys)
            throw error
        }
        return true
    }

    static func newMessageID(from address: String) -> String {
        let domain = address.split(separator: "@").last.map(String.init) ?? "localhost"
        return "chaperone." + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() + "@" + domain
    }
}
