import ChaperoneModel
import Foundation
import Store

/// Decisions as a fixed-width text table for `chaperone log` and `quarantine list`;
/// with `mailIdentifiers`, the Postfix queue id and Message-ID a technician matches
/// against the mail log come last.
public enum DecisionTable {
    public static func render(_ decisions: [StoredDecision], mailIdentifiers: Bool = false) -> String {
        guard !decisions.isEmpty else { return "No decisions match.\n" }
        let header = ["DECISION", "DECIDED (UTC)", "ACTION", "STATE", "SECTIONS", "RULES", "ROLE", "SENDER", "RECIPIENTS"]
            + (mailIdentifiers ? ["QUEUE ID", "MESSAGE-ID"] : [])
        let rows = decisions.map { decision -> [String] in
            let record = decision.record
            let identifiers = mailIdentifiers
                ? [decision.quarantine?.queueID ?? record.envelope.queueID ?? "-", record.report.messageID ?? "-"] : []
            return columns(decision) + identifiers
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        return ([header] + rows).map { row in
            zip(row, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    /// The columns every listing shows.
    static func columns(_ decision: StoredDecision) -> [String] {
        let record = decision.record
        return [
            decision.decisionID,
            timestamp(record.decidedAt),
            record.report.action.rawValue + (decision.falsePositive ? " (fp)" : ""),
            decision.quarantine?.state.rawValue ?? "-",
            record.report.sections.isEmpty ? "-" : record.report.sections.map { "§" + $0.rawValue }.joined(separator: ","),
            record.report.rules.isEmpty ? "-" : record.report.rules.joined(separator: ","),
            roleText(record.report.sender),
            record.envelope.sender.isEmpty ? "<>" : record.envelope.sender,
            recipientSummary(record),
        ]
    }

    /// The sender role, marked when the message was not scanned; `-` for rows recorded
    /// before roles existed.
    static func roleText(_ sender: SenderIdentity) -> String {
        guard sender != .unknown else { return "-" }
        return sender.role.rawValue + (sender.scanned ? "" : " (skipped)")
    }

    static func recipientSummary(_ record: DecisionRecord) -> String {
        let first = record.envelope.recipients.first ?? "-"
        let more = record.envelope.recipients.count - 1
        return more > 0 ? "\(first) +\(more)" : first
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
