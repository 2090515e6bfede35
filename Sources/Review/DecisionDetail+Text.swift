import ChaperoneModel
import Foundation
import Store

extension DecisionDetail {
    /// The decision as `quarantine show` prints it.
    public var text: String {
        var lines = summaryLines
        lines += ["", "Recipients"] + recipientLines
        lines += ["", "Findings"] + findingLines
        lines += ["", "Explanation to the sender"]
        lines += explanationNotice.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        lines += ["Audit trail"] + eventLines
        return lines.joined(separator: "\n") + "\n"
    }

    private var summaryLines: [String] {
        let record = decision.record
        let report = record.report
        let sections = report.sections.map { "§\($0.rawValue) \($0.title)" }.joined(separator: "; ")
        let governing = report.governingSections.isEmpty
            ? "" : "  (governing " + report.governingSections.map { "§" + $0.rawValue }.joined(separator: ", ") + ")"
        let sender = record.envelope.sender.isEmpty ? "<>" : record.envelope.sender
        let authenticated = record.envelope.authenticatedUser.map { " (authenticated as \($0))" } ?? ""
        let label = decision.falsePositive ? " (labelled false positive)" : ""
        let scanTime = String(format: "%.3f", report.scanSeconds)
        var lines = [
            "Decision      \(report.decisionID)",
            "Decided       \(DecisionTable.timestamp(record.decidedAt)) UTC (config \(record.configVersion))",
            "Action        \(report.action.rawValue)\(label)",
            "Sections      \(sections.isEmpty ? "-" : sections)  (breached)",
            "Rules         \(report.rules.isEmpty ? "-" : report.rules.joined(separator: ", "))\(governing)",
            "Sender        \(sender)\(authenticated)",
            "Message-ID    \(report.messageID ?? "-")",
            "Queue id      \(record.envelope.queueID ?? "-")",
            "Size          \(report.sizeBytes) bytes, scanned in \(scanTime) s",
        ]
        if let quarantine = decision.quarantine {
            let copy = quarantine.hasStoredCopy ? "copy stored" : "no stored copy"
            let reviewer = quarantine.reviewer.map { ", by \($0)" } ?? ""
            let reason = quarantine.reason.map { ": \($0)" } ?? ""
            lines.append("Quarantine    \(quarantine.state.rawValue), \(copy)\(reviewer)\(reason)")
        }
        if let shadow = report.shadow {
            let rules = shadow.rules.map { "\($0.rule) \($0.shadowAction.rawValue) (live \($0.liveAction.rawValue))" }
            lines.append("Shadow        would have been \(shadow.action.rawValue): \(rules.joined(separator: ", "))")
        }
        if let original = decision.duplicateOf {
            // The sending server retried after the milter stopped between commit and reply.
            lines.append("Duplicate of  \(original) (the same message held again; one copy, released or deleted once)")
        }
        return lines
    }

    private var recipientLines: [String] {
        let record = decision.record
        let classified = Dictionary(
            record.report.recipients.map { ($0.address.lowercased(), $0.recipientClass) },
            uniquingKeysWith: { first, _ in first })
        // Pupils' and parents' addresses were recorded redacted; a held message's
        // envelope still has them in full, so look them up by their redacted form too.
        return record.envelope.recipients.map { address in
            let recipientClass = classified[address.lowercased()] ?? classified[AddressRedaction.email(address).lowercased()]
            return "  \(address)  [\(recipientClass?.rawValue ?? "unclassified")]"
        }
    }

    private var findingLines: [String] {
        let report = decision.record.report
        var lines = report.findings.map { finding -> String in
            let breached = finding.sections.map { "§" + $0.rawValue }.joined(separator: ",")
            let sections = breached + (finding.rules.isEmpty ? "" : " [" + finding.rules.joined(separator: ", ") + "]")
            let confidence = String(format: "%.2f", finding.confidence)
            return "  \(finding.detector.rawValue)  \(finding.evidence)  at \(finding.location)  confidence \(confidence)  \(sections)"
        }
        lines += report.problems.map { "  problem: \($0.description)" }
        return lines.isEmpty ? ["  none"] : lines
    }

    private var eventLines: [String] {
        guard !events.isEmpty else { return ["  none"] }
        return events.map { event in
            let reason = event.reason.map { ": \($0)" } ?? ""
            let detail = event.detail.map { " (\($0))" } ?? ""
            return "  \(DecisionTable.timestamp(event.occurredAt))  \(event.actor)  \(event.kind.rawValue)\(reason)\(detail)"
        }
    }
}
