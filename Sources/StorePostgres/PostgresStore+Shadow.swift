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
                SELECT s->>'rule', s->>'shadowAction', s->>'liveAction', COUNT(*)
                FROM decision d CROSS JOIN jsonb_array_elements(d."shadowRules") s WHERE d."decidedAt" >= $1\(ofSchools)
                GROUP BY 1, 2, 3 ORDER BY 1 COLLATE "C", 2 COLLATE "C", 3 COLLATE "C"
                """, binds: binds), logger: self.logger).decode((String, String, String, Int).self)
            {
                rules.append(ShadowFigures.RuleCount(rule: rule, shadowAction: shadow, liveAction: live, count: count))
            }
            var messages: [ShadowFigures.MessageCount] = []
            for try await (live, shadow, count) in try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT d.action, d."shadowAction", COUNT(*)
                FROM decision d WHERE d."decidedAt" >= $1\(ofSchools) AND d."shadowAction" IS NOT NULL
                GROUP BY 1, 2 ORDER BY 1 COLLATE "C", 2 COLLATE "C"
                """, binds: binds), logger: self.logger).decode((String, String, Int).self)
            {
                messages.append(ShadowFigures.MessageCount(liveAction: live, shadowAction: shadow, count: count))
            }
            return ShadowFigures(rules: rules, messages: messages)
        }
    }
}
