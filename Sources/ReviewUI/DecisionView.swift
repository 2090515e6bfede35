import ChaperoneModel
import Foundation
import Review
import Store

/// The values of the decision page: verdict, each section with its rule in plain
/// English and the school's own words, findings (redacted) and where, recipients and
/// classes, the explanation the sender received, the parts the scan read or could not,
/// and the audit trail.
struct DecisionView {
    var detail: DecisionDetail
    var configuration: Configuration

    var values: [String: Any] {
        let decision = detail.decision
        let record = decision.record
        let report = record.report
        let quarantine = decision.quarantine
        return [
            "id": decision.decisionID,
            "action": report.action.rawValue,
            "falsePositive": decision.falsePositive,
            "decided": ViewFormatting.time(record.decidedAt),
            "configVersion": record.configVersion,
            "school": record.school ?? "",
            "hasSchool": record.school != nil,
            "mailHost": record.mailHost ?? "",
            "hasMailHost": record.mailHost != nil,
            "sender": ViewFormatting.sender(record),
            "senderRole": report.sender.role.rawValue,
            "messageID": report.messageID ?? "—",
            "size": report.sizeBytes,
            "state": quarantine?.state.rawValue ?? "not quarantined",
            "isHeld": quarantine?.state == .held,
            "hasCopy": quarantine?.hasStoredCopy ?? false,
            "sections": report.sections.map { section in
                ["number": section.rawValue, "title": section.title, "rule": section.rule, "advice": configuration.advice(for: section)]
            },
            "hasSections": !report.sections.isEmpty,
            "findings": report.findings.map { finding in
                [
                    "detector": finding.detector.rawValue, "evidence": finding.evidence, "location": finding.location.description,
                    "confidence": String(format: "%.2f", finding.confidence),
                    "sections": finding.sections.map { "§" + $0.rawValue }.joined(separator: ", "),
                ]
            },
            "hasFindings": !report.findings.isEmpty,
            "recipients": report.recipients.map { recipient in
                ["address": recipient.address, "class": recipient.recipientClass.rawValue, "list": recipient.list ?? ""]
            },
            "explanation": detail.explanationNotice,
            "parts": Self.partRows(report),
            "hasParts": !Self.partRows(report).isEmpty,
            "listsEveryPart": !report.parts.isEmpty,
            // None or one: what the rules running in shadow would have done.
            "shadow": (report.shadow.map { [$0] } ?? []).map { shadow -> [String: Any] in
                [
                    "action": shadow.action.rawValue,
                    "rules": shadow.rules.map { ["rule": $0.rule, "shadow": $0.shadowAction.rawValue, "live": $0.liveAction.rawValue] },
                ]
            },
            "events": detail.events.map(AuditRoutes.row),
            "hasEvents": !detail.events.isEmpty,
        ]
    }
}
