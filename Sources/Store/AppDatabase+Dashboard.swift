import Foundation
import GRDB

extension AppDatabase {
    /// The dashboard's figures for decisions made at or after `since` (of `schools` only,
    /// when given).
    public func dashboardFigures(since: Date, schools: [String]? = nil) async throws -> DashboardFigures {
        try await pool.read { db in
            let (ofSchools, arguments) = Self.decidedSince(since, schools: schools)
            let perDay = try Row.fetchAll(
                db,
                sql: """
                    SELECT strftime('%Y-%m-%d', d.decidedAt) AS period, d.action AS key, COUNT(*) AS n
                    FROM decision d WHERE d.decidedAt >= ?\(ofSchools) GROUP BY period, key ORDER BY period, key
                    """,
                arguments: arguments
            ).map(Self.count)
            // Grouped by json_each.value, not by the alias `key`: json_each has a column
            // `key` (the array index) that GROUP BY would take first, lumping every
            // section of a week under the first.
            let perWeek = try Row.fetchAll(
                db,
                sql: """
                    SELECT strftime('%Y-W%W', d.decidedAt) AS period, json_each.value AS key, COUNT(*) AS n
                    FROM decision d, json_each(d.sections) WHERE d.decidedAt >= ?\(ofSchools) AND d.action != 'accept'
                    GROUP BY period, json_each.value ORDER BY period, json_each.value
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
                    WHERE d.decidedAt >= ?\(ofSchools) GROUP BY section ORDER BY fired DESC, section
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
                    WHERE d.decidedAt >= ?\(ofSchools) AND q.reviewedAt IS NOT NULL ORDER BY seconds
                    """,
                arguments: arguments)
            return DashboardFigures(
                since: since, perDayByAction: perDay, perWeekBySection: perWeek, rules: rules,
                medianReviewSeconds: DashboardFigures.median(ofSorted: waits), reviewedCount: waits.count)
        }
    }

    private static func count(_ row: Row) -> DashboardFigures.Count {
        DashboardFigures.Count(period: row["period"], key: row["key"], count: row["n"])
    }
}
