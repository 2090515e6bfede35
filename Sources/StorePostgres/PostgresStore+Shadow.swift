import Foundation
import Logging
import PostgresNIO
import Store

extension PostgresStore {
    /// The shadow rules' results, as the SQLite store computes them.
    public func shadowFigures(since: Date, schools: [String]?) async throws -> ShadowFigures {
        var bindings = PostgresBindings()
        bindings.append(since)
        let ofSchools = schools.map { " AND " + Self.schoolClause($0, column: "d.school", bindings: &bindings) } ?? ""
        let binds = bindings
        return try await read { connection in
            var rules: [ShadowFigures.RuleCount] = []
            for try await (rule, shadow, live, count) in try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT rule, shadow, live, n FROM (
                    SELECT s->>'rule' AS rule, s->>'shadowAction' AS shadow, s->>'liveAction' AS live, COUNT(*) AS n
                    FROM decision d CROSS JOIN jsonb_array_elements(d."shadowRules") s WHERE d."decidedAt" >= $1\(ofSchools)
                    GROUP BY 1, 2, 3
                ) counts ORDER BY rule COLLATE "C", shadow COLLATE "C", live COLLATE "C"
                """, binds: binds), logger: self.logger).decode((String, String, String, Int).self)
            {
                rules.append(ShadowFigures.RuleCount(rule: rule, shadowAction: shadow, liveAction: live, count: count))
            }
            var messages: [ShadowFigures.MessageCount] = []
            for try await (live, shadow, count) in try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT live, shadow, n FROM (
                    SELECT d.action AS live, d."shadowAction" AS shadow, COUNT(*) AS n
                    FROM decision d WHERE d."decidedAt" >= $1\(ofSchools) AND d."shadowAction" IS NOT NULL
                    GROUP BY 1, 2
                ) counts ORDER BY live COLLATE "C", shadow COLLATE "C"
                """, binds: binds), logger: self.logger).decode((String, String, Int).self)
            {
                messages.append(ShadowFigures.MessageCount(liveAction: live, shadowAction: shadow, count: count))
            }
            return ShadowFigures(rules: rules, messages: messages)
        }
    }
}
