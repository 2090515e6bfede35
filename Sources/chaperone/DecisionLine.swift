import ChaperoneModel
import Foundation
import Store

/// One decision as `log --json` and `quarantine list --json` print it (one per line):
/// flat, with the names `scan --json` uses for the same things (`decision_id`,
/// `message_id`, `action`, `sections`, `sender_role`), plus what the store adds
/// (`decided_at`, `queue_id` for the mail log, `state`). Evidence stays in `quarantine show`.
struct DecisionLine: Encodable {
    var decisionId: String
    var decidedAt: Date
    var action: String
    var sections: [String]
    var state: String?
    var falsePositive: Bool
    var queueId: String?
    var messageId: String?
    var sender: String
    var senderRole: String
    var recipients: [String]
    var sizeBytes: Int

    init(_ decision: StoredDecision) {
        let record = decision.record
        decisionId = decision.decisionID
        decidedAt = record.decidedAt
        action = record.report.action.rawValue
        sections = record.report.sections.map(\.rawValue)
        state = decision.quarantine?.state.rawValue
        falsePositive = decision.falsePositive
        queueId = decision.quarantine?.queueID ?? record.envelope.queueID
        messageId = record.report.messageID
        sender = record.envelope.sender
        senderRole = record.report.sender.role.rawValue
        recipients = record.envelope.recipients
        sizeBytes = record.report.sizeBytes
    }

    /// Optional fields are printed as null, so every line has the same keys.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(decisionId, forKey: .decisionId)
        try container.encode(decidedAt, forKey: .decidedAt)
        try container.encode(action, forKey: .action)
        try container.encode(sections, forKey: .sections)
        try container.encode(state, forKey: .state)
        try container.encode(falsePositive, forKey: .falsePositive)
        try container.encode(queueId, forKey: .queueId)
        try container.encode(messageId, forKey: .messageId)
        try container.encode(sender, forKey: .sender)
        try container.encode(senderRole, forKey: .senderRole)
        try container.encode(recipients, forKey: .recipients)
        try container.encode(sizeBytes, forKey: .sizeBytes)
    }

    private enum CodingKeys: String, CodingKey {
        case decisionId, decidedAt, action, sections, state, falsePositive, queueId, messageId, sender, senderRole, recipients, sizeBytes
    }
}
