import Foundation
import Logging
import PostgresNIO
import Store

extension PostgresStore {
    /// Review outcomes per rule, detector, term, pupil and outside domain, as the SQLite
    /// store computes them (`AppDatabase.reviewPrecision`): the same holds, keys and
    /// outcomes, ids sorted by `ReviewPrecision.collect`.
    public func reviewPrecision(since: Date, schools: [String]?) async throws -> ReviewPrecision {
        var bindings = PostgresBindings()
        bindings.append(since)
        let ofSchools = schools.map { " AND " + Self.schoolClause($0, column: "d.school", bindings: &bindings) } ?? ""
        let query = PostgresQuery(unsafeSQL: Self.precisionSQL(ofSchools: ofSchools), binds: bindings)
        return try await read { connection in
            var rows: [(dimension: String, key: String, outcome: String, ids: String, evidence: String?)] = []
            for try await (dimension, key, outcome, ids, evidence) in try await connection.query(query, logger: self.logger)
                .decode((String, String, String, String, String?).self)
            {
                rows.append((dimension, key, outcome, ids, evidence))
            }
            return ReviewPrecision(since: since, entries: ReviewPrecision.collect(rows))
        }
    }

    static func precisionSQL(ofSchools: String) -> String {
        let acting = "jsonb_array_length(coalesce(f->'rules', '[]'::jsonb)) > 0"
        let evidence = "(f->>'evidence')"
        return """
            WITH reviewed AS (
                SELECT d."decisionID", d.rules, d.findings, d.recipients,
                       CASE WHEN d."falsePositive" THEN 'false-positive' WHEN q.state = 'deleted' THEN 'confirmed'
                            ELSE 'released' END AS outcome
                FROM decision d JOIN quarantine q ON q."decisionID" = d."decisionID"
                WHERE d."decidedAt" >= $1\(ofSchools) AND d.action = 'quarantine' AND d."duplicateOf" IS NULL
                  AND (d."falsePositive" OR q.state IN ('deleted', 'released'))
            ), keyed AS (
                SELECT 'rule' AS dimension, r AS key, "decisionID", outcome, NULL::text AS evidence
                FROM reviewed CROSS JOIN jsonb_array_elements_text(reviewed.rules) r
                UNION ALL
                SELECT 'detector', f->>'detector', "decisionID", outcome, NULL
                FROM reviewed CROSS JOIN jsonb_array_elements(reviewed.findings) f WHERE \(acting)
                UNION ALL
                SELECT 'term', lower(substr(\(evidence), 1, strpos(\(evidence), ' near ') - 1)), "decisionID", outcome, NULL
                FROM reviewed CROSS JOIN jsonb_array_elements(reviewed.findings) f
                WHERE f->>'detector' = 'special-category' AND strpos(\(evidence), ' near ') > 1 AND \(acting)
                UNION ALL
                SELECT 'pupil', f->>'pupil', "decisionID", outcome, \(evidence)
                FROM reviewed CROSS JOIN jsonb_array_elements(reviewed.findings) f
                WHERE f->>'detector' = 'pupil-name' AND f->>'pupil' IS NOT NULL AND \(acting)
                UNION ALL
                SELECT 'domain', lower(substr(r->>'address', strpos(r->>'address', '@') + 1)), "decisionID", outcome, NULL
                FROM reviewed CROSS JOIN jsonb_array_elements(reviewed.recipients) r
                WHERE r->>'class' = 'external' AND strpos(r->>'address', '@') > 0
            )
            SELECT dimension, key, outcome, string_agg(DISTINCT "decisionID", ','), MIN(evidence)
            FROM keyed WHERE key IS NOT NULL AND key != '' GROUP BY dimension, key, outcome
            ORDER BY dimension COLLATE "C", key COLLATE "C", outcome COLLATE "C"
            """
    }
}
