import ChaperoneModel
import Foundation
import GRDB

/// One row of the `decision` table: a decision as it was made, append-only except for
/// the `falsePositive` label reviewers add later.
package struct DecisionRow: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "decision"

    package var id: Int64?
    package var decisionID: String
    package var decidedAt: Date
    package var queueID: String?
    package var messageID: String?
    package var sender: String
    package var authenticatedUser: String?
    package var clientAddress: String?
    /// JSON array of the envelope's RCPT TO addresses. Pupils' and parents' addresses
    /// are redacted, except while a quarantined copy waits for release: they go with
    /// the copy at content retention.
    package var envelopeRecipients: [String]
    /// JSON array of classified recipients, pupils' and parents' addresses redacted.
    package var recipients: [Recipient]
    package var action: String
    /// JSON array of the section numbers breached (`["3","8"]`), queried with
    /// `json_each`; empty for a tag.
    package var sections: [String]
    /// JSON array of the rules that acted (`["8.sensitive-to-partner"]`), a tag included.
    package var rules: [String]
    /// JSON array of the section numbers governing `rules`.
    package var governingSections: [String]
    /// JSON array of findings; evidence is already redacted.
    package var findings: [Finding]
    package var problems: [ScanProblem]
    package var explanation: String
    package var sizeBytes: Int
    package var scanSeconds: Double
    package var configVersion: String
    package var falsePositive: Bool
    /// pupil, staff, system or outside; nil on rows recorded before roles existed.
    package var senderRole: String?
    /// JSON of the sender's role, basis, rules applied and reason.
    package var senderIdentity: SenderIdentity?
    /// For a hold of a message already held (the sending server retried after the
    /// milter stopped between commit and reply): the decision that keeps the one copy.
    package var duplicateOf: String?
    /// JSON array of every body and attachment and what the scan did with it; empty on
    /// rows recorded before part lists.
    package var parts: [MessagePart]
    /// The school the message belongs to; nil for a single-school configuration.
    package var school: String?
    /// The mail host whose milter decided; nil on rows recorded before hosts were kept.
    package var mailHost: String?
    /// The message's action had the rules running in shadow acted; nil when none fired
    /// (or on rows recorded before shadow mode).
    package var shadowAction: String?
    /// JSON array of the shadow rules that fired, each with its shadow and live action.
    package var shadowRules: [ShadowOutcome.RuleOutcome]

    package mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    package enum Columns {
        package static let decisionID = Column(CodingKeys.decisionID)
        package static let decidedAt = Column(CodingKeys.decidedAt)
        package static let falsePositive = Column(CodingKeys.falsePositive)
        package static let senderRole = Column(CodingKeys.senderRole)
        package static let duplicateOf = Column(CodingKeys.duplicateOf)
    }
}

extension DecisionRow {
    /// The row as recorded: pupils' and parents' addresses redacted in the recipients
    /// and the explanation, and in the envelope unless the message is quarantined (its
    /// release needs them).
    package init(_ record: DecisionRecord) {
        let report = record.report.redactingPupilAndParentAddresses()
        let envelopeRecipients = record.report.action == .quarantine
            ? record.envelope.recipients
            : record.report.redactingPupilAndParentAddresses(in: record.envelope.recipients)
        self.init(
            id: nil,
            decisionID: report.decisionID,
            decidedAt: record.decidedAt,
            queueID: record.envelope.queueID,
            messageID: report.messageID,
            sender: record.envelope.sender,
            authenticatedUser: record.envelope.authenticatedUser,
            clientAddress: record.envelope.clientAddress,
            envelopeRecipients: envelopeRecipients,
            recipients: report.recipients,
            action: report.action.rawValue,
            sections: report.sections.map(\.rawValue),
            rules: report.rules,
            governingSections: report.governingSections.map(\.rawValue),
            findings: report.findings,
            problems: report.problems,
            explanation: report.explanation,
            sizeBytes: report.sizeBytes,
            scanSeconds: report.scanSeconds,
            configVersion: record.configVersion,
            falsePositive: false,
            senderRole: report.sender.role.rawValue,
            senderIdentity: report.sender,
            duplicateOf: nil,
            parts: report.parts,
            school: record.school ?? report.school,
            mailHost: record.mailHost,
            shadowAction: report.shadow?.action.rawValue,
            shadowRules: report.shadow?.rules ?? []
        )
    }

    /// The decision as the milter made it. An action the store does not know (a newer
    /// version wrote it) reads as `quarantine`, the cautious reading.
    package var record: DecisionRecord {
        var report = ScanReport(
            decisionID: decisionID,
            messageID: messageID,
            action: Action(rawValue: action) ?? .quarantine,
            sections: sections.compactMap(Section.init(rawValue:)),
            rules: rules,
            governingSections: governingSections.compactMap(Section.init(rawValue:)),
            findings: findings,
            recipients: recipients,
            explanation: explanation,
            problems: problems,
            sizeBytes: sizeBytes,
            scanSeconds: scanSeconds,
            sender: senderIdentity ?? .unknown,
            parts: parts
        )
        report.shadow = shadowAction.map { ShadowOutcome(action: Action(rawValue: $0) ?? .quarantine, rules: shadowRules) }
        let envelope = Envelope(
            sender: sender,
            recipients: envelopeRecipients,
            authenticatedUser: authenticatedUser,
            queueID: queueID,
            clientAddress: clientAddress
        )
        return DecisionRecord(
            report: report, envelope: envelope, decidedAt: decidedAt, configVersion: configVersion, school: school,
            mailHost: mailHost)
    }
}

extension DecisionRow {
    /// Redacts the pupils' and parents' addresses still held in full in the envelope (a
    /// quarantined message's, once its copy is gone). The recipients were recorded
    /// redacted, so an envelope address is matched by its redacted form.
    package mutating func redactEnvelopeRecipients() {
        let redacted = Set(recipients.filter(\.isPupilOrParentAddress).map { $0.address.lowercased() })
        guard !redacted.isEmpty else { return }
        envelopeRecipients = envelopeRecipients.map { address in
            let masked = AddressRedaction.email(address)
            return redacted.contains(masked.lowercased()) ? masked : address
        }
    }
}
