import Foundation

/// Counts over a period, for `chaperone report`.
public struct DecisionSummary: Codable, Hashable, Sendable {
    /// A sender and how many decisions (other than accept) were made on their mail.
    public struct SenderCount: Codable, Hashable, Sendable {
        public var sender: String
        public var count: Int

        package init(sender: String, count: Int) {
            self.sender = sender
            self.count = count
        }
    }

    public var since: Date
    public var total: Int
    /// Decisions per action raw value (`accept`, `tag`, …).
    public var byAction: [String: Int]
    /// Breaches per section number (`3`, `8`, …): decisions held or refused under it;
    /// one decision may count in several. Tags are not breaches and are not counted here.
    public var bySection: [String: Int]
    /// Decisions that breached at least one section (held or refused).
    public var breaches: Int = 0
    /// Tagged decisions (delivered, marked) per rule that tagged them.
    public var tagsByRule: [String: Int] = [:]
    /// Tagged decisions per section governing the rule that tagged them.
    public var tagsByGoverningSection: [String: Int] = [:]
    /// Senders with the most non-accept decisions, most first.
    public var topSenders: [SenderCount]
    public var quarantined: Int
    public var released: Int
    public var deleted: Int
    public var falsePositives: Int
    /// Decisions per sender role (`pupil`, `staff`, `system`, `outside`; `unknown` for
    /// rows recorded before roles existed).
    public var bySenderRole: [String: Int] = [:]
    /// Decisions accepted without being scanned (inbound mail, `scope.inbound: skip`).
    public var notScanned: Int = 0

    /// Released quarantines as a fraction of all quarantines (0 when there were none).
    public var releaseRate: Double
    /// Decisions labelled false positive as a fraction of non-accept decisions.
    public var falsePositiveRate: Double

    package init(
        since: Date, total: Int, byAction: [String: Int], bySection: [String: Int], topSenders: [SenderCount],
        quarantined: Int, released: Int, deleted: Int, falsePositives: Int
    ) {
        self.since = since
        self.total = total
        self.byAction = byAction
        self.bySection = bySection
        self.topSenders = topSenders
        self.quarantined = quarantined
        self.released = released
        self.deleted = deleted
        self.falsePositives = falsePositives
        releaseRate = quarantined == 0 ? 0 : Double(released) / Double(quarantined)
        let flagged = total - (byAction["accept"] ?? 0)
        falsePositiveRate = flagged == 0 ? 0 : Double(falsePositives) / Double(flagged)
    }
}
