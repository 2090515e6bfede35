import Foundation
import Logging
import PostgresNIO
import Store

extension PostgresStore {
    /// The same counts as the SQLite store's summary, over decisions since `since`.
    public func summary(since: Date, topSenderCount: Int) async throws -> DecisionSummary {
        try await read { connection in
            let logger = self.logger
            func counts(_ query: PostgresQuery) async throws -> [String: Int] {
                var result: [String: Int] = [:]
                for try await (key, count) in try await connection.query(query, logger: logger).decode((String, Int).self) {
                    result[key] = count
                }
                return result
            }
            func count(_ query: PostgresQuery) async throws -> Int {
                try await connection.query(query, logger: logger).collect().first?.decode(Int.self) ?? 0
            }
            let total = try await count(#"SELECT COUNT(*) FROM decision WHERE "decidedAt" >= \#(since)"#)
            let byAction = try await counts(
                #"SELECT action, COUNT(*) FROM decision WHERE "decidedAt" >= \#(since) GROUP BY action"#)
            let bySection = try await counts(
                #"SELECT s, COUNT(*) FROM decision d, jsonb_array_elements_text(d.sections) s WHERE d."decidedAt" >= \#(since) GROUP BY s"#)
            var topSenders: [DecisionSummary.SenderCount] = []
            for try await (sender, n) in try await connection.query(
                """
                SELECT sender, COUNT(*) AS n FROM decision WHERE "decidedAt" >= \(since) AND action != 'accept'
                GROUP BY sender ORDER BY n DESC, sender LIMIT \(topSenderCount)
                """, logger: logger
            ).decode((String, Int).self) {
                topSenders.append(DecisionSummary.SenderCount(sender: sender, count: n))
            }
            let byState = try await counts(
                #"SELECT q.state, COUNT(*) FROM quarantine q JOIN decision d ON d."decisionID" = q."decisionID" WHERE d."decidedAt" >= \#(since) GROUP BY q.state"#)
            let falsePositives = try await count(
                #"SELECT COUNT(*) FROM decision WHERE "decidedAt" >= \#(since) AND "falsePositive""#)
            var summary = DecisionSummary(
                since: since, total: total, byAction: byAction, bySection: bySection, topSenders: topSenders,
                quarantined: byState.values.reduce(0, +), released: byState["released"] ?? 0,
                deleted: byState["deleted"] ?? 0, falsePositives: falsePositives)
            summary.bySenderRole = try await counts(
                #"SELECT COALESCE("senderRole", 'unknown') AS role, COUNT(*) FROM decision WHERE "decidedAt" >= \#(since) GROUP BY role"#)
            summary.breaches = try await count(
                #"SELECT COUNT(*) FROM decision WHERE "decidedAt" >= \#(since) AND jsonb_array_length(sections) > 0"#)
            summary.tagsByRule = try await counts(
                #"SELECT r, COUNT(*) FROM decision d, jsonb_array_elements_text(d.rules) r WHERE d."decidedAt" >= \#(since) AND d.action = 'tag' GROUP BY r"#)
            summary.tagsByGoverningSection = try await counts(
                #"SELECT s, COUNT(*) FROM decision d, jsonb_array_elements_text(d."governingSections") s WHERE d."decidedAt" >= \#(since) AND d.action = 'tag' GROUP BY s"#)
            summary.notScanned = try await count(
                #"SELECT COUNT(*) FROM decision WHERE "decidedAt" >= \#(since) AND "senderIdentity"->>'scanned' = 'false'"#)
            return summary
        }
    }

    /// Applies `policy` in one transaction, as the SQLite store does: copies past their
    /// retention go (held ones become `expired`, their envelopes redacted), decision
    /// rows past theirs are deleted, and a `purged` event is recorded unless dry run.
    public func purge(policy: RetentionPolicy, now: Date, actor: String, dryRun: Bool) async throws -> PurgeResult {
        let contentCutoff = policy.contentCutoff(now: now)
        let decisionCutoff = policy.decisionCutoff(now: now)
        return try await transaction { connection in
            let logger = self.logger
            func count(_ query: PostgresQuery) async throws -> Int {
                try await connection.query(query, logger: logger).collect().first?.decode(Int.self) ?? 0
            }
            let expiring = #"q.content IS NOT NULL AND d."decidedAt" < $1"#
            var cutoff = PostgresBindings()
            cutoff.append(contentCutoff)
            let contents = try await count(PostgresQuery(
                unsafeSQL: #"SELECT COUNT(*) FROM quarantine q JOIN decision d ON d."decisionID" = q."decisionID" WHERE \#(expiring)"#,
                binds: cutoff))
            let held = try await count(PostgresQuery(
                unsafeSQL: #"SELECT COUNT(*) FROM quarantine q JOIN decision d ON d."decisionID" = q."decisionID" WHERE q.state = 'held' AND \#(expiring)"#,
                binds: cutoff))
            let decisions = try await count(#"SELECT COUNT(*) FROM decision WHERE "decidedAt" < \#(decisionCutoff)"#)
            let result = PurgeResult(contentsRemoved: contents, heldExpired: held, decisionsDeleted: decisions, dryRun: dryRun)
            guard !dryRun else { return result }
            var expiringIDs: [String] = []
            for try await id in try await connection.query(
                PostgresQuery(
                    unsafeSQL: #"SELECT q."decisionID" FROM quarantine q JOIN decision d ON d."decisionID" = q."decisionID" WHERE \#(expiring) FOR UPDATE OF q"#,
                    binds: cutoff),
                logger: logger
            ).decode(String.self) {
                expiringIDs.append(id)
            }
            for id in expiringIDs {
                try await Self.redactEnvelope(connection, decisionID: id, logger: logger)
                try await connection.query(
                    """
                    UPDATE quarantine SET content = NULL, "contentPurgedAt" = \(now),
                    state = CASE state WHEN 'held' THEN 'expired' ELSE state END WHERE "decisionID" = \(id)
                    """, logger: logger)
            }
            try await connection.query(#"DELETE FROM decision WHERE "decidedAt" < \#(decisionCutoff)"#, logger: logger)
            try await Self.appendEvent(
                connection,
                ReviewEvent(
                    decisionID: nil, occurredAt: now, actor: actor, kind: .purged,
                    reason: "retention: copies \(policy.quarantineContentDays) days, decisions \(policy.decisionDays) days",
                    detail: "\(contents) copies removed (\(held) unreviewed, now expired), \(decisions) decisions deleted"),
                logger: logger)
            return result
        }
    }
}
