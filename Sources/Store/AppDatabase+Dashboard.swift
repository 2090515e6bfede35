import Foundation
import GRDB

extension AppDatabase {
    /// The dashboard's figures for decisions made at or after `since`.
    public func dashboardFigures(since: Date) async throws -> DashboardFigures {
        try await pool.read { db in
            let arguments: StatementArguments = [since]
            let perDay = try Row.fetchAll(
                db,
                sql: """
                    SELECT strftime('%Y-%m-%d', decidedAt) AS period, action AS key, COUNT(*) AS n
                    FROM decision WHERE decidedAt >= ? GROUP BY period, key ORDER BY period, key
                    """,
                arguments: arguments
            ).map(Self.count)
            let perWeek = try Row.fetchAll(
                db,
                sql: """
                    SELECT strftime('%Y-W%W', d.decidedAt) AS period, json_each.value AS key, COUNT(*) AS n
                    FROM decision d, json_each(d.sections) WHERE d.decidedAt >= ? AND d.action != 'accept'
                    GROUP BY period, key ORDER BY period, key
                    """,
                arguments: arguments
            ).map(Self.count)
            let rules = try Row.fetchAll(
                db,
                sql: """
                    SELECT json_each.value AS section, COUNT(*) AS fired,
                           SUM(CASE WHEN d.falsePositive OR q.reviewedAt IS NOT NULL THEN 1 ELSE 0 END) AS reviewed,
                           SUM(CASE WHEN d.falsePositive THEN 1 ELSE 0 END) AS falsePositives
                    FROM decision d JOIN json_each(d.sections) LEFT JOIN quarantine q ON q.decisionID = d.decisionID
                    WHERE d.decidedAt >= ? GROUP BY section ORDER BY fired DESC, section
                    """,
                arguments: arguments
            ).map { row in
                DashboardFigures.RuleReview(
                    section: row["section"], fired: row["fired"], reviewed: row["reviewed"], falsePositives: row["falsePositives"])
            }
            let waits = try Double.fetchAll(
                db,
                sql: """
                    SELECT (julianday(q.reviewedAt) - julianday(d.decidedAt)) * 86400.0 AS seconds
                    FROM quarantine q JOIN decision d ON d.decisionID = q.decisionID
                    WHERE d.decidedAt >= ? AND q.reviewedAt IS NOT NULL ORDER BY seconds
                    """,
                arguments: arguments)
            return DashboardFigures(
                since: since, perDayByAction: perDay, perWeekBySection: perWeek, rules: rules,
                medianReviewSeconds: Self.median(ofSorted: waits), reviewedCount: waits.count)
        }
    }

    private static func count(_ row: Row) -> DashboardFigures.Count {
        DashboardFigures.Count(period: row["period"], key: row["key"], count: row["n"])
    }

    static func median(ofSorted values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }
}
