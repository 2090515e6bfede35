import Foundation
import GRDB

extension AppDatabase {
    /// The shadow rules' results for decisions made at or after `since` (of `schools`
    /// only, when given).
    public func shadowFigures(since: Date, schools: [String]? = nil) async throws -> ShadowFigures {
        try await pool.read { db in
            let (ofSchools, arguments) = Self.decidedSince(since, schools: schools)
            let rules = try Row.fetchAll(
                db,
                sql: """
                    SELECT json_extract(s.value, '$.rule') AS rule, json_extract(s.value, '$.shadowAction') AS shadow,
                           json_extract(s.value, '$.liveAction') AS live, COUNT(*) AS n
                    FROM decision d, json_each(d.shadowRules) s WHERE d.decidedAt >= ?\(ofSchools)
                    GROUP BY rule, shadow, live ORDER BY rule, shadow, live
                    """,
                arguments: arguments
            ).map { ShadowFigures.RuleCount(rule: $0["rule"], shadowAction: $0["shadow"], liveAction: $0["live"], count: $0["n"]) }
            let messages = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.action AS live, d.shadowAction AS shadow, COUNT(*) AS n
                    FROM decision d WHERE d.decidedAt >= ?\(ofSchools) AND d.shadowAction IS NOT NULL
                    GROUP BY live, shadow ORDER BY live, shadow
                    """,
                arguments: arguments
            ).map { ShadowFigures.MessageCount(liveAction: $0["live"], shadowAction: $0["shadow"], count: $0["n"]) }
            return ShadowFigures(rules: rules, messages: messages)
        }
    }
}
