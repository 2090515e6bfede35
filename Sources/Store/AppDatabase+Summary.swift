import Foundation
import GRDB

extension AppDatabase {
    /// Counts per action, breaches per section, tags per rule and governing section, top
    /// senders, and review outcomes since `since`.
    public func summary(since: Date, topSenderCount: Int = 10) async throws -> DecisionSummary {
        try await pool.read { db in
            let recent = "SELECT * FROM decision WHERE decidedAt >= ?"
            let arguments: StatementArguments = [since]
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(recent))", arguments: arguments) ?? 0
            var byAction: [String: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT action, COUNT(*) AS n FROM (\(recent)) GROUP BY action", arguments: arguments) {
                byAction[row["action"]] = row["n"]
            }
            var bySection: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT json_each.value AS section, COUNT(*) AS n FROM (\(recent)) AS d, json_each(d.sections) GROUP BY section",
                arguments: arguments) {
                bySection[row["section"]] = row["n"]
            }
            let topSenders = try Row.fetchAll(
                db,
                sql: """
                    SELECT sender, COUNT(*) AS n FROM (\(recent)) WHERE action != 'accept'
                    GROUP BY sender ORDER BY n DESC, sender LIMIT ?
                    """,
                arguments: [since, topSenderCount]
            ).map { DecisionSummary.SenderCount(sender: $0["sender"], count: $0["n"]) }
            let states = try Row.fetchAll(
                db,
                sql: "SELECT q.state, COUNT(*) AS n FROM quarantine q JOIN (\(recent)) d USING (decisionID) GROUP BY q.state",
                arguments: arguments)
            var byState: [String: Int] = [:]
            for row in states { byState[row["state"]] = row["n"] }
            let falsePositives = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM (\(recent)) WHERE falsePositive", arguments: arguments) ?? 0
            var summary = DecisionSummary(
                since: since, total: total, byAction: byAction, bySection: bySection, topSenders: topSenders,
                quarantined: byState.values.reduce(0, +), released: byState["released"] ?? 0,
                deleted: byState["deleted"] ?? 0, falsePositives: falsePositives)
            for row in try Row.fetchAll(
                db, sql: "SELECT COALESCE(senderRole, 'unknown') AS role, COUNT(*) AS n FROM (\(recent)) GROUP BY role",
                arguments: arguments) {
                summary.bySenderRole[row["role"]] = row["n"]
            }
            summary.breaches = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM (\(recent)) WHERE json_array_length(sections) > 0",
                arguments: arguments) ?? 0
            for row in try Row.fetchAll(
                db,
                sql: "SELECT json_each.value AS rule, COUNT(*) AS n FROM (\(recent)) AS d, json_each(d.rules) WHERE d.action = 'tag' GROUP BY rule",
                arguments: arguments) {
                summary.tagsByRule[row["rule"]] = row["n"]
            }
            for row in try Row.fetchAll(
                db,
                sql: "SELECT json_each.value AS section, COUNT(*) AS n FROM (\(recent)) AS d, json_each(d.governingSections) WHERE d.action = 'tag' GROUP BY section",
                arguments: arguments) {
                summary.tagsByGoverningSection[row["section"]] = row["n"]
            }
            summary.notScanned = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM (\(recent)) WHERE json_extract(senderIdentity, '$.scanned') = 0",
                arguments: arguments) ?? 0
            return summary
        }
    }
}
