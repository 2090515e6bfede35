import ChaperoneModel
import Foundation
import Hummingbird
import Store

/// The dashboard: decisions per day by action, breaches per section per week, the
/// rules that fire most, false-positive rate per rule from reviews, and the median time
/// to review, over 7, 30 or 90 days; every chart has its numbers in a table.
enum DashboardRoutes {
    static let periods = [7, 30, 90]

    static var routes: [WebRoute] {
        [
            WebRoute(.get, "/dashboard", .signedIn(.read)) { request, context, app in
                let requested = request.uri.queryParameters["days"].flatMap { Int(String($0)) } ?? 30
                let days = periods.contains(requested) ? requested : 30
                let now = app.now()
                let store = app.store(for: context.session)
                let since = now.addingTimeInterval(-Double(days) * 86_400)
                let figures = try await store.dashboardFigures(since: since, schools: nil)
                let view = DashboardView(
                    figures: figures, days: days, now: now,
                    precision: try await store.reviewPrecision(since: since, schools: nil),
                    shadow: try await store.shadowFigures(since: since, schools: nil))
                let values = view.values.merging(view.learningValues) { first, _ in first }
                return app.renderer.page("dashboard", title: "Dashboard", values: values, session: context.session)
            }
        ]
    }
}

/// The dashboard's charts and tables from `DashboardFigures`. Pure.
struct DashboardView {
    var figures: DashboardFigures
    var days: Int
    var now: Date
    /// Review outcomes per rule, detector, term, pupil and domain (`learningValues`).
    var precision = ReviewPrecision(since: .distantPast, entries: [])
    /// The shadow rules beside the live ones (`learningValues`).
    var shadow = ShadowFigures(rules: [], messages: [])

    var values: [String: Any] {
        let dayLabels = (0..<days).reversed().map { ViewFormatting.day(now.addingTimeInterval(-Double($0) * 86_400)) }
        let actions = Action.allCases.map(\.rawValue)
        let daySeries = actions.enumerated().map { index, action in
            SVGChart.Series(
                name: action, colour: SVGChart.palette[index % SVGChart.palette.count],
                values: dayLabels.map { day in count(figures.perDayByAction, period: day, key: action) })
        }
        let weeks = Array(Set(figures.perWeekBySection.map(\.period))).sorted()
        let sections = Section.allCases.map(\.rawValue)
        let weekSeries = sections.enumerated().map { index, section in
            SVGChart.Series(
                name: "§" + section, colour: SVGChart.palette[index % SVGChart.palette.count],
                values: weeks.map { count(figures.perWeekBySection, period: $0, key: section) })
        }
        let rules = figures.rules
        return [
            "periods": DashboardRoutes.periods.map { ["days": $0, "current": $0 == days] as [String: Any] },
            "days": days,
            "dayChart": SVGChart.stackedBars(title: "Decisions per day by action, last \(days) days", categories: dayLabels, series: daySeries),
            "dayRows": dayLabels.reversed().compactMap { day -> [String: Any]? in
                let counts = actions.map { count(figures.perDayByAction, period: day, key: $0) }
                guard counts.contains(where: { $0 > 0 }) else { return nil }
                return ["day": day, "counts": counts.map { ["n": $0] }]
            },
            "actions": actions.map { ["name": $0] },
            "weekChart": SVGChart.stackedBars(title: "Breaches per section per week", categories: weeks, series: weekSeries),
            "weekRows": figures.perWeekBySection.map { ["week": $0.period, "section": "§" + $0.key, "n": $0.count] as [String: Any] },
            "rulesChart": SVGChart.horizontalBars(
                title: "Rules that fired most", rows: rules.map { (label: title($0.section), value: Double($0.fired)) },
                label: { String(Int($0)) }),
            "fpChart": SVGChart.horizontalBars(
                title: "False-positive rate per rule, from reviews",
                rows: rules.filter { $0.reviewed > 0 }.map { (label: title($0.section), value: $0.falsePositiveRate) }, maximum: 1,
                label: { String(format: "%.0f%%", $0 * 100) }),
            "ruleRows": rules.map { rule -> [String: Any] in
                [
                    "rule": title(rule.section), "fired": rule.fired, "reviewed": rule.reviewed, "falsePositives": rule.falsePositives,
                    "rate": rule.reviewed == 0 ? "—" : String(format: "%.0f%%", rule.falsePositiveRate * 100),
                ]
            },
            "medianReview": figures.medianReviewSeconds.map(ViewFormatting.duration) ?? "no reviews in this period",
            "reviewedCount": figures.reviewedCount,
        ]
    }

    private func count(_ counts: [DashboardFigures.Count], period: String, key: String) -> Int {
        counts.first { $0.period == period && $0.key == key }?.count ?? 0
    }

    private func title(_ section: String) -> String {
        Section(rawValue: section).map { "§\($0.rawValue) \($0.title)" } ?? "§" + section
    }
}
