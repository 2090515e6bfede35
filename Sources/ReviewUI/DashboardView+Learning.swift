import Foundation
import Store

extension DashboardView {
    /// The precision tables (per rule, detector, term, pupil, outside domain) and the
    /// shadow rules' results beside the live ones. A pupil is shown by the redacted name
    /// the finding recorded, never the roster key.
    var learningValues: [String: Any] {
        let groups = ReviewPrecision.Dimension.allCases.compactMap { dimension -> [String: Any]? in
            let entries = precision.entries(dimension)
            guard !entries.isEmpty else { return nil }
            return [
                "dimension": Self.heading(dimension),
                "rows": entries.map { entry -> [String: Any] in
                    [
                        "key": dimension == .pupil ? (entry.evidence ?? "a pupil") : entry.key,
                        "falsePositives": entry.falsePositives.count, "released": entry.released.count,
                        "confirmed": entry.confirmed.count,
                        "precision": entry.precision.map { String(format: "%.0f%%", $0 * 100) } ?? "—",
                    ]
                },
            ]
        }
        return [
            "precisionGroups": groups,
            "noPrecision": groups.isEmpty,
            "shadowRules": shadow.rules.map {
                ["rule": $0.rule, "shadow": $0.shadowAction, "live": $0.liveAction, "n": $0.count, "differs": $0.shadowAction != $0.liveAction]
                    as [String: Any]
            },
            "shadowMessages": shadow.messages.map {
                ["live": $0.liveAction, "shadow": $0.shadowAction, "n": $0.count, "differs": $0.shadowAction != $0.liveAction]
                    as [String: Any]
            },
            "hasShadow": !shadow.rules.isEmpty,
        ]
    }

    static func heading(_ dimension: ReviewPrecision.Dimension) -> String {
        switch dimension {
        case .rule: "Per rule"
        case .detector: "Per detector"
        case .term: "Per special-category term"
        case .pupil: "Per pupil named"
        case .domain: "Per outside recipient domain"
        }
    }
}
