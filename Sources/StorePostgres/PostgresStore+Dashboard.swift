import Foundation
import Logging
import PostgresNIO
import Store

extension PostgresStore {
    /// The dashboard's figures, as the SQLite store computes them: UTC days, weeks
    /// numbered as SQLite's `%W` (Monday first, week 00 before the first Monday), keys
    /// ordered byte-wise (`COLLATE "C"`), and the same median of review waits.
    public func dashboardFigures(since: Date, schools: [String]?) async throws -> DashboardFigures {
        var bindings = PostgresBindings()
        bindings.append(since)
        let ofSchools = schools.map { " AND " + Self.schoolClause($0, column: "d.school", bindings: &bindings) } ?? ""
        // `$1` is `since`; the schools' binds follow.
        let binds = bindings
        let query: @Sendable (String) -> PostgresQuery = { sql in PostgresQuery(unsafeSQL: sql, binds: binds) }
        return try await read { connection in
            let logger = self.logger
            func counts(_ query: PostgresQuery) async throws -> [DashboardFigures.Count] {
                var result: [DashboardFigures.Count] = []
                for try await (period, key, count) in try await connection.query(query, logger: logger).decode((String, String, Int).self) {
                    result.append(DashboardFigures.Count(period: period, key: key, count: count))
                }
                return result
            }
            let perDay = try await counts(query(
                """
                SELECT period, key, n FROM (
                    SELECT to_char(d."decidedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS period, d.action AS key, COUNT(*) AS n
                    FROM decision d WHERE d."decidedAt" >= $1\(ofSchools) GROUP BY period, key
                ) counts ORDER BY period COLLATE "C", key COLLATE "C"
                """))
            let perWeek = try await counts(query(
                """
                SELECT period, key, n FROM (
                    SELECT \(Self.sqliteWeek) AS period, s AS key, COUNT(*) AS n
                    FROM decision d CROSS JOIN jsonb_array_elements_text(d.sections) s
                    WHERE d."decidedAt" >= $1\(ofSchools) AND d.action != 'accept' GROUP BY period, key
                ) counts ORDER BY period COLLATE "C", key COLLATE "C"
                """))
            var rules: [DashboardFigures.RuleReview] = []
            for try await (section, fired, reviewed, falsePositives) in try await connection.query(query(
                """
                SELECT s AS section, COUNT(*) AS fired,
                       SUM(CASE WHEN d."falsePositive" OR q."reviewedAt" IS NOT NULL THEN 1 ELSE 0 END)::bigint,
                       SUM(CASE WHEN d."falsePositive" THEN 1 ELSE 0 END)::bigint
                FROM decision d CROSS JOIN jsonb_array_elements_text(d.sections) s
                LEFT JOIN quarantine q ON q."decisionID" = d."decisionID"
                WHERE d."decidedAt" >= $1\(ofSchools) GROUP BY s ORDER BY fired DESC, s COLLATE "C"
                """), logger: logger
            ).decode((String, Int, Int, Int).self) {
                rules.append(DashboardFigures.RuleReview(section: section, fired: fired, reviewed: reviewed, falsePositives: falsePositives))
            }
            var waits: [Double] = []
            for try await seconds in try await connection.query(query(
                """
                SELECT EXTRACT(EPOCH FROM (q."reviewedAt" - d."decidedAt"))::float8 AS seconds
                FROM quarantine q JOIN decision d ON d."decisionID" = q."decisionID"
                WHERE d."decidedAt" >= $1\(ofSchools) AND q."reviewedAt" IS NOT NULL ORDER BY seconds
                """), logger: logger
            ).decode(Double.self) {
                waits.append(seconds)
            }
            return DashboardFigures(
                since: since, perDayByAction: perDay, perWeekBySection: perWeek, rules: rules,
                medianReviewSeconds: DashboardFigures.median(ofSorted: waits), reviewedCount: waits.count)
        }
    }

    /// SQLite's `strftime('%Y-W%W', …)` in UTC: the week number is
    /// (day of year − 1 + 7 − days since Monday) / 7, two digits.
    static let sqliteWeek = """
        to_char(d."decidedAt" AT TIME ZONE 'UTC', 'YYYY') || '-W' || lpad(((extract(doy FROM d."decidedAt" AT TIME ZONE 'UTC')::int - 1 + 7
        - (extract(isodow FROM d."decidedAt" AT TIME ZONE 'UTC')::int - 1)) / 7)::text, 2, '0')
        """
}
