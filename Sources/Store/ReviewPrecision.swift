import Foundation

/// How Chaperone's holds fared in review over one period, per rule, per detector, per
/// special-category term, per pupil named and per outside recipient domain: how many
/// holds reviewers released as false positives, released without that label, or
/// deleted (confirmed), with the decision ids as evidence. Both stores compute it in SQL
/// with the same rules: a hold counts once per key, duplicates of a held retry not at all.
public struct ReviewPrecision: Codable, Hashable, Sendable {
    /// What an entry is counted by.
    public enum Dimension: String, Codable, CaseIterable, Hashable, Sendable {
        /// A rule that acted (`8.sensitive-to-outside`).
        case rule
        /// A detector whose finding made a rule act (`pupil-name`).
        case detector
        /// A special-category term, lower-cased, whose finding made a rule act.
        case term
        /// A pupil (roster key) whose name made a rule act.
        case pupil
        /// An outside (`external`) recipient's domain.
        case domain
    }

    /// One key's review outcomes.
    public struct Entry: Codable, Hashable, Sendable {
        public var dimension: Dimension
        public var key: String
        /// Holds labelled false positive (and so released).
        public var falsePositives: [String]
        /// Holds released without the false-positive label.
        public var released: [String]
        /// Holds deleted and not labelled false positive: the reviewer agreed.
        public var confirmed: [String]
        /// Redacted evidence of one finding (a pupil's masked name); nil for other dimensions.
        public var evidence: String?

        public init(
            dimension: Dimension, key: String, falsePositives: [String] = [], released: [String] = [], confirmed: [String] = [],
            evidence: String? = nil
        ) {
            self.dimension = dimension
            self.key = key
            self.falsePositives = falsePositives
            self.released = released
            self.confirmed = confirmed
            self.evidence = evidence
        }

        /// Reviewed holds of this key.
        public var reviewed: Int { falsePositives.count + released.count + confirmed.count }

        /// Confirmed / (confirmed + false positive); nil when neither was recorded.
        public var precision: Double? {
            let judged = confirmed.count + falsePositives.count
            return judged == 0 ? nil : Double(confirmed.count) / Double(judged)
        }
    }

    /// Reviewed holds decided at or after this date are counted.
    public var since: Date
    /// By dimension, then most reviewed first, then key.
    public var entries: [Entry]

    public init(since: Date, entries: [Entry]) {
        self.since = since
        self.entries = entries
    }

    /// The entries of one dimension.
    public func entries(_ dimension: Dimension) -> [Entry] { entries.filter { $0.dimension == dimension } }

    /// Builds entries from rows of (dimension, key, outcome, comma-separated ids,
    /// evidence) as both stores' queries return them, in one order.
    public static func collect(_ rows: [(dimension: String, key: String, outcome: String, ids: String, evidence: String?)])
        -> [Entry]
    {
        var byKey: [String: Entry] = [:]
        for row in rows {
            guard let dimension = Dimension(rawValue: row.dimension) else { continue }
            let id = row.dimension + "\u{1F}" + row.key
            var entry = byKey[id] ?? Entry(dimension: dimension, key: row.key)
            let ids = row.ids.split(separator: ",").map(String.init).sorted()
            switch row.outcome {
            case Outcome.falsePositive: entry.falsePositives = ids
            case Outcome.confirmed: entry.confirmed = ids
            default: entry.released = ids
            }
            entry.evidence = entry.evidence ?? row.evidence
            byKey[id] = entry
        }
        let order = Dimension.allCases
        return byKey.values.sorted { lhs, rhs in
            let (l, r) = (order.firstIndex(of: lhs.dimension)!, order.firstIndex(of: rhs.dimension)!)
            if l != r { return l < r }
            if lhs.reviewed != rhs.reviewed { return lhs.reviewed > rhs.reviewed }
            return lhs.key < rhs.key
        }
    }

    /// The outcome names the queries use.
    public enum Outcome {
        public static let falsePositive = "false-positive"
        public static let confirmed = "confirmed"
        public static let released = "released"
    }
}
