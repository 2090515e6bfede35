import Foundation
import GRDB

extension AppDatabase {
    /// Applies `policy` as of `now` in one transaction: removes stored copies past
    /// their retention (held messages become `expired`) and with them the full addresses
    /// of pupils and parents their decision rows kept for release, and deletes decision
    /// rows past theirs. Records a `purged` audit event unless it is a dry run.
    public func purge(policy: RetentionPolicy, now: Date = Date(), actor: String, dryRun: Bool) async throws -> PurgeResult {
        let contentCutoff = policy.contentCutoff(now: now)
        let decisionCutoff = policy.decisionCutoff(now: now)
        let expiringContent = """
            quarantine.content IS NOT NULL AND quarantine.decisionID IN
            (SELECT decisionID FROM decision WHERE decidedAt < ?)
            """
        return try await pool.write { db in
            let contents = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM quarantine WHERE \(expiringContent)", arguments: [contentCutoff]) ?? 0
            let held = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM quarantine WHERE state = 'held' AND \(expiringContent)",
                arguments: [contentCutoff]) ?? 0
            let decisions = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM decision WHERE decidedAt < ?", arguments: [decisionCutoff]) ?? 0
            let result = PurgeResult(contentsRemoved: contents, heldExpired: held, decisionsDeleted: decisions, dryRun: dryRun)
            guard !dryRun else { return result }
            let releasable = try DecisionRow.fetchAll(
                db, sql: "SELECT * FROM decision WHERE decisionID IN (SELECT decisionID FROM quarantine WHERE \(expiringContent))",
                arguments: [contentCutoff])
            for var row in releasable {
                let before = row.envelopeRecipients
                row.redactEnvelopeRecipients()
                if row.envelopeRecipients != before { try row.update(db, columns: ["envelopeRecipients"]) }
            }
            try db.execute(
                sql: """
                    UPDATE quarantine SET content = NULL, contentPurgedAt = ?,
                    state = CASE state WHEN 'held' THEN 'expired' ELSE state END
                    WHERE \(expiringContent)
                    """,
                arguments: [now, contentCutoff])
            try db.execute(sql: "DELETE FROM decision WHERE decidedAt < ?", arguments: [decisionCutoff])
            var event = ReviewEventRow(
                decisionID: nil, occurredAt: now, actor: actor, kind: ReviewEvent.Kind.purged.rawValue,
                reason: "retention: copies \(policy.quarantineContentDays) days, decisions \(policy.decisionDays) days",
                detail: "\(contents) copies removed (\(held) unreviewed, now expired), \(decisions) decisions deleted")
            try event.insert(db)
            return result
        }
    }
}
