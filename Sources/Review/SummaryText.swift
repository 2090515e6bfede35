import Foundation
import Store

/// `chaperone report` as text: counts per action, breaches per section, tags apart
/// (they breach nothing), top senders, and how often quarantines were released or
/// labelled false positives.
public enum SummaryText {
    public static func render(_ summary: DecisionSummary) -> String {
        var lines = ["Decisions since \(DecisionTable.timestamp(summary.since)) UTC: \(summary.total)", "", "By action"]
        for (action, count) in summary.byAction.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(action.padding(toLength: 12, withPad: " ", startingAt: 0)) \(count)")
        }
        lines.append("")
        lines.append("Breaches by section (held or refused): \(summary.breaches) decisions")
        lines += sectionLines(summary.bySection)
        lines.append("")
        lines.append("Tagged (delivered and marked, no breach): \(summary.byAction["tag"] ?? 0) decisions")
        lines.append("  by rule")
        if summary.tagsByRule.isEmpty { lines.append("    none") }
        for (rule, count) in summary.tagsByRule.sorted(by: { $0.key < $1.key }) {
            lines.append("    \(rule.padding(toLength: 30, withPad: " ", startingAt: 0)) \(count)")
        }
        lines.append("  by governing section")
        lines += sectionLines(summary.tagsByGoverningSection).map { "  " + $0 }
        lines.append("")
        lines.append("By sender role")
        for (role, count) in summary.bySenderRole.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(role.padding(toLength: 12, withPad: " ", startingAt: 0)) \(count)")
        }
        lines.append("  not scanned  \(summary.notScanned) (inbound mail, scope.inbound: skip)")
        lines.append("")
        lines.append("Top senders (tagged, quarantined or rejected)")
        if summary.topSenders.isEmpty { lines.append("  none") }
        for sender in summary.topSenders {
            lines.append("  \(sender.count)  \(sender.sender.isEmpty ? "<>" : sender.sender)")
        }
        lines.append("")
        lines.append("Quarantined \(summary.quarantined): released \(summary.released) (\(percent(summary.releaseRate))), deleted \(summary.deleted)")
        lines.append("False positives \(summary.falsePositives) (\(percent(summary.falsePositiveRate)) of flagged decisions)")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func sectionLines(_ counts: [String: Int]) -> [String] {
        guard !counts.isEmpty else { return ["  none"] }
        return counts.sorted(by: { (Double($0.key) ?? 0) < (Double($1.key) ?? 0) }).map { section, count in
            "  §\(section.padding(toLength: 11, withPad: " ", startingAt: 0)) \(count)"
        }
    }

    static func percent(_ fraction: Double) -> String {
        String(format: "%.1f%%", fraction * 100)
    }
}
