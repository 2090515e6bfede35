import Foundation
import GRDB

extension AppDatabase {
    /// Review outcomes per rule, detector, term, pupil and outside domain for holds
    /// decided at or after `since` (of `schools` only, when given).
    public func reviewPrecision(since: Date, schools: [String]? = nil) async throws -> ReviewPrecision {
        try await pool.read { db in
            let (ofSchools, arguments) = Self.decidedSince(since, schools: schools)
            let rows = try Row.fetchAll(db, sql: Self.precisionSQL(ofSchools: ofSchools), arguments: arguments).map { row in
                (dimension: row["dimension"] as String, key: row["key"] as String, outcome: row["outcome"] as String,
                 ids: row["ids"] as String, evidence: row["evidence"] as String?)
            }
            return ReviewPrecision(since: since, entries: ReviewPrecision.collect(rows))
        }
    }

    /// One row per (dimension, key, outcome). A finding counts only when it made a rule
    /// act (`rules` not empty); a term is the evidence before " near ".
    static func precisionSQL(ofSchools: String) -> String {
        let acting = "json_array_length(json_extract(f.value, '$.rules')) > 0"
        let evidence = "json_extract(f.value, '$.evidence')"
        return """
            WITH reviewed AS (
                SELECT d.decisionID, d.rules, d.findings, d.recipients,
                       CASE WHEN d.falsePositive THEN 'false-positive' WHEN q.state = 'deleted' THEN 'confirmed'
                            ELSE 'released' END AS outcome
                FROM decision d JOIN quarantine q ON q.decisionID = d.decisionID
                WHERE d.decidedAt >= ?\(ofSchools) AND d.action = 'quarantine' AND d.duplicateOf IS NULL
                  AND (d.falsePositive OR q.state IN ('deleted', 'released'))
            ), keyed AS (
                SELECT 'rule' AS dimension, r.value AS key, decisionID, outcome, NULL AS evidence
                FROM reviewed, json_each(reviewed.rules) r
                UNION ALL
                SELECT 'detector', json_extract(f.value, '$.detector'), decisionID, outcome, NULL
                FROM reviewed, json_each(reviewed.findings) f WHERE \(acting)
                UNION ALL
                SELECT 'term', lower(substr(\(evidence), 1, instr(\(evidence), ' near ') - 1)), decisionID, outcome, NULL
                FROM reviewed, json_each(reviewed.findings) f
                WHERE json_extract(f.value, '$.detector') = 'special-category' AND instr(\(evidence), ' near ') > 1 AND \(acting)
                UNION ALL
                SELECT 'pupil', json_extract(f.value, '$.pupil'), decisionID, outcome, \(evidence)
                FROM reviewed, json_each(reviewed.findings) f
                WHERE json_extract(f.value, '$.detector') = 'pupil-name' AND json_extract(f.value, '$.pupil') IS NOT NULL AND \(acting)
                UNION ALL
                SELECT 'domain', lower(substr(json_extract(r.value, '$.address'), instr(json_extract(r.value, '$.address'), '@') + 1)),
                       decisionID, outcome, NULL
                FROM reviewed, json_each(reviewed.recipients) r
                WHERE json_extract(r.value, '$.class') = 'external' AND instr(json_extract(r.value, '$.address'), '@') > 0
            )
            SELECT dimension, key, outcome, group_concat(DISTINCT decisionID) AS ids, MIN(evidence) AS evidence
            FROM keyed WHERE key IS NOT NULL AND key != '' GROUP BY dimension, key, outcome ORDER BY dimension, key, outcome
            """
    }
}
