import Foundation
import Store

/// `report --json` on one line: the summary with its counts as lists of named values
/// (`{"action": "quarantine", "count": 3}`) rather than objects keyed by data, so every
/// key is a field name in snake_case like every other `--json` output.
struct ReportLine: Encodable {
    struct ActionCount: Encodable { var action: String; var count: Int }
    struct SectionCount: Encodable { var section: String; var count: Int }
    struct RoleCount: Encodable { var senderRole: String; var count: Int }

    var since: Date
    var total: Int
    var byAction: [ActionCount]
    var bySection: [SectionCount]
    var bySenderRole: [RoleCount]
    var topSenders: [DecisionSummary.SenderCount]
    var quarantined: Int
    var released: Int
    var deleted: Int
    var falsePositives: Int
    var notScanned: Int
    var releaseRate: Double
    var falsePositiveRate: Double

    init(_ summary: DecisionSummary) {
        since = summary.since
        total = summary.total
        byAction = summary.byAction.sorted { $0.key < $1.key }.map { ActionCount(action: $0.key, count: $0.value) }
        bySection = summary.bySection.sorted { $0.key < $1.key }.map { SectionCount(section: $0.key, count: $0.value) }
        bySenderRole = summary.bySenderRole.sorted { $0.key < $1.key }.map { RoleCount(senderRole: $0.key, count: $0.value) }
        topSenders = summary.topSenders
        quarantined = summary.quarantined
        released = summary.released
        deleted = summary.deleted
        falsePositives = summary.falsePositives
        notScanned = summary.notScanned
        releaseRate = summary.releaseRate
        falsePositiveRate = summary.falsePositiveRate
    }
}
