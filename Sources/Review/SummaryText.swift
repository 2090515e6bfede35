import Foundation
import Store

/// `chaperone report` as text: counts per action and section, top senders, and how
/// often quarantines were released or labelled false positives.
public enum SummaryText {
    public static func render(_ summary: DecisionSummary) -> String {
        var lines = ["Decisions since \(DecisionTable.timestamp(summary.since)) UTC: \(summary.total)", "", "By action"]
        for (action, count) in summary.byAction.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(action.padding(toLength: 12, withPad: " ", startingAt: 0)) \(count)")
        }
        lines.append("")
        lines.append("By section")
        if summary.bySection.isEmpty { lines.append("  none") }
        for (section, count) in summary.bySection.sorted(by: { (Double($0.key) ?? 0) < (Double($1.key) ?? 0) }) {
            lines.append("  §\(section.padding(toLength: 11, withPad: " ", startingAt: 0)) \(count)")
        }
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

    static func percent(_ fraction: Double) -> String {
        String(format: "%.1f%%", fraction * 100)
    }
}
