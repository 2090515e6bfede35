import Foundation
import Learning
import Store

/// The plain-text forms of `suggest` and `suggest precision`.
enum SuggestionText {
    /// Decision ids listed in text at most; `--json` lists them all.
    static let listedIDs = 10

    static func render(_ suggestion: Suggestion) -> String {
        """
        \(suggestion.id)
          change: \(suggestion.change)
          why:    \(suggestion.reason)
          decisions: \(ids(suggestion.decisionIDs))

        """
    }

    static func render(_ precision: ReviewPrecision) -> String {
        var text = "Reviewed holds since \(precision.since.formatted(.iso8601)): false positive / released / confirmed, precision\n"
        guard !precision.entries.isEmpty else { return text + "  none reviewed\n" }
        for dimension in ReviewPrecision.Dimension.allCases {
            let entries = precision.entries(dimension)
            guard !entries.isEmpty else { continue }
            text += "\(dimension.rawValue):\n"
            for entry in entries {
                let rate = entry.precision.map { String(format: "%.0f%%", $0 * 100) } ?? "n/a"
                let shown = entry.evidence.map { "\(entry.key) (\($0))" } ?? entry.key
                text += "  \(shown): \(entry.falsePositives.count) / \(entry.released.count) / \(entry.confirmed.count), \(rate)\n"
            }
        }
        return text
    }

    static func ids(_ ids: [String]) -> String {
        let shown = ids.prefix(listedIDs).joined(separator: " ")
        return ids.count > listedIDs ? shown + " and \(ids.count - listedIDs) more" : shown
    }
}

/// One suggestion as a JSON line.
struct SuggestionLine: Encodable {
    var id: String
    var kind: String
    var key: String
    var change: String
    var reason: String
    var falsePositives: [String]
    var released: [String]
    var confirmed: [String]
    var evidence: String?
    var learnedFile: String?

    init(_ suggestion: Suggestion, learnedFile: String? = nil) {
        id = suggestion.id
        kind = suggestion.kind.rawValue
        key = suggestion.key
        change = suggestion.change
        reason = suggestion.reason
        falsePositives = suggestion.falsePositives
        released = suggestion.released
        confirmed = suggestion.confirmed
        evidence = suggestion.evidence
        self.learnedFile = learnedFile
    }
}

/// One precision entry as a JSON line.
struct PrecisionLine: Encodable {
    var dimension: String
    var key: String
    var falsePositives: [String]
    var released: [String]
    var confirmed: [String]
    var precision: Double?
    var evidence: String?

    init(_ entry: ReviewPrecision.Entry) {
        dimension = entry.dimension.rawValue
        key = entry.key
        falsePositives = entry.falsePositives
        released = entry.released
        confirmed = entry.confirmed
        precision = entry.precision
        evidence = entry.evidence
    }
}
