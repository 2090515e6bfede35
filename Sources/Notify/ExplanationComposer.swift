import ChaperoneModel
import Foundation

/// Writes the explanation a member of staff receives when their message was held
/// (quarantined) or refused (rejected): what, for whom, why, what was found (redacted,
/// and where), what to do next, and how to ask IT. Pure: built only from the report,
/// the envelope and the configuration — never from the message itself.
public struct ExplanationComposer: Sendable {
    /// Findings listed before the rest are summarised as "and N more".
    public static let maxListedFindings = 20

    public var configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    public func compose(report: ScanReport, envelope: Envelope, decidedAt: Date) -> NoticeDocument {
        let held = report.action != .reject
        let titles = report.sections.map(\.title).joined(separator: "; ")
        let subject = (held ? "Your email was held" : "Your email was not sent") + (titles.isEmpty ? "" : ": \(titles)")
        var blocks: [NoticeDocument.Block] = [
            .paragraph(
                held
                    ? "Your email has been held by \(configuration.school.name)'s outgoing mail check and has not been delivered: nobody has received it."
                    : "Your email was refused by \(configuration.school.name)'s outgoing mail check and has not been delivered. Nobody has received it."),
            .heading(held ? "What was held" : "What was refused"),
            .paragraph("The email you sent on \(Self.dateText(decidedAt)) to:"),
            .list(recipientLines(report: report, envelope: envelope)),
            .heading("Why"),
        ]
        blocks.append(contentsOf: whyBlocks(report: report))
        blocks.append(.heading("What was found"))
        blocks.append(.list(findingLines(report.findings)))
        blocks.append(.heading("What to do next"))
        blocks.append(contentsOf: nextSteps(held: held, report: report))
        blocks.append(.paragraph("Decision reference: \(report.decisionID)"))
        return NoticeDocument(subject: subject, blocks: blocks)
    }

    private func recipientLines(report: ScanReport, envelope: Envelope) -> [String] {
        // Recipients exposed to each other are counted, not listed again.
        if report.findings.contains(where: { $0.detector == .exposedRecipients }) {
            return Self.recipientCounts(report.recipients.isEmpty ? [] : report.recipients, envelopeCount: envelope.recipients.count)
        }
        if report.recipients.isEmpty { return envelope.recipients }
        return report.recipients.map { "\($0.address) (\($0.recipientClass.wording))" }
    }

    private func whyBlocks(report: ScanReport) -> [NoticeDocument.Block] {
        guard !report.sections.isEmpty else {
            return [.paragraph("Part of it could not be checked, so it was held to be safe.")]
        }
        return [
            .paragraph("It appears to go against the school's Online Safety and Social Media Guidance:"),
            .list(report.sections.map { section in
                "Section \(section.rawValue), \(section.title): \(section.rule)"
            }),
        ]
    }

    func findingLines(_ findings: [Finding]) -> [String] {
        let relevant = findings.contains { !$0.rules.isEmpty } ? findings.filter { !$0.rules.isEmpty } : findings
        guard !relevant.isEmpty else { return ["Nothing specific; see the reason above."] }
        var lines = relevant.prefix(Self.maxListedFindings).map { finding in
            "\(finding.detector.wording) (\(finding.evidence)) \(finding.location.wording)"
        }
        if relevant.count > Self.maxListedFindings {
            lines.append("and \(relevant.count - Self.maxListedFindings) more")
        }
        return lines
    }

    private func nextSteps(held: Bool, report: ScanReport) -> [NoticeDocument.Block] {
        let contact = configuration.school.itContact
        var steps: [NoticeDocument.Block] = [
            .paragraph(
                held
                    ? "If this information should not have gone to these recipients, you need do nothing: the email will not be delivered, and IT will delete it."
                    : "If this information should not have gone to these recipients, you need do nothing."),
            .paragraph("If it does need to be sent:"),
            .list(report.sections.isEmpty
                ? ["use the school's approved secure route, and send only what the recipient is entitled to."]
                : report.sections.map { configuration.advice(for: $0) }),
            .paragraph(
                held
                    ? "If you think this is a mistake, ask \(contact) to review and release it, quoting the decision reference below."
                    : "If you think this is a mistake, tell \(contact), quoting the decision reference below, before sending it again."),
        ]
        if report.sections.contains(.socialContact) {
            steps.append(.paragraph(
                "Because this concerns contact with students, you may wish to speak to \(configuration.school.safeguardingLead)."))
        }
        return steps
    }

    /// "30 recipients: a parent or carer (28), a personal email account (2)".
    static func recipientCounts(_ recipients: [Recipient], envelopeCount: Int) -> [String] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for recipient in recipients {
            let wording = recipient.recipientClass.wording
            if counts[wording] == nil { order.append(wording) }
            counts[wording, default: 0] += 1
        }
        let total = recipients.isEmpty ? envelopeCount : recipients.count
        let detail = order.map { "\($0) (\(counts[$0] ?? 0))" }.joined(separator: ", ")
        return ["\(total) recipient\(total == 1 ? "" : "s")" + (detail.isEmpty ? "" : ": " + detail)]
    }

    static func dateText(_ date: Date) -> String {
        date.formatted(
            Date.FormatStyle(date: .long, time: .shortened, locale: Locale(identifier: "en_GB"),
                             timeZone: TimeZone(identifier: "Europe/London") ?? .gmt))
    }
}
