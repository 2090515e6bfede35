import Foundation

/// The web dashboard's numbers over one period: decisions per day by action, breaches
/// per section per week, how often each rule (section) fired and how often reviewers
/// called it a false positive, and how long review took.
public struct DashboardFigures: Codable, Hashable, Sendable {
    /// One count in a series: a day (`2026-11-24`) or ISO week (`2026-W48`) and a key
    /// (an action or a section number).
    public struct Count: Codable, Hashable, Sendable {
        public var period: String
        public var key: String
        public var count: Int

        public init(period: String, key: String, count: Int) {
            self.period = period
            self.key = key
            self.count = count
        }
    }

    /// How one rule (a policy section) fared in review.
    public struct RuleReview: Codable, Hashable, Sendable {
        public var section: String
        /// Decisions the rule fired on.
        public var fired: Int
        /// Of those, quarantined messages a reviewer released, deleted or labelled.
        public var reviewed: Int
        /// Of those, labelled false positive.
        public var falsePositives: Int

        public init(section: String, fired: Int, reviewed: Int, falsePositives: Int) {
            self.section = section
            self.fired = fired
            self.reviewed = reviewed
            self.falsePositives = falsePositives
        }

        /// False positives as a fraction of reviewed decisions (0 when none were reviewed).
        public var falsePositiveRate: Double { reviewed == 0 ? 0 : Double(falsePositives) / Double(reviewed) }
    }

    public var since: Date
    public var perDayByAction: [Count]
    public var perWeekBySection: [Count]
    /// Most fired first.
    public var rules: [RuleReview]
    /// Median seconds from decision to review among reviewed quarantines; nil when none.
    public var medianReviewSeconds: Double?
    public var reviewedCount: Int

    /// The median of values sorted ascending; nil when there are none. Both stores
    /// take the median of review waits with this one function.
    public static func median(ofSorted values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }

    public init(
        since: Date, perDayByAction: [Count], perWeekBySection: [Count], rules: [RuleReview], medianReviewSeconds: Double?,
        reviewedCount: Int
    ) {
        self.since = since
        self.perDayByAction = perDayByAction
        self.perWeekBySection = perWeekBySection
        self.rules = rules
        self.medianReviewSeconds = medianReviewSeconds
        self.reviewedCount = reviewedCount
    }
}
