import Foundation
import GRDB

extension AppDatabase {
    /// Decisions matching `filter`, newest first, with their quarantine status.
    public func decisions(matching filter: DecisionFilter) async throws -> [StoredDecision] {
        try await pool.read { db in
            let rows = try DecisionRow.fetchAll(db, Self.request(for: filter))
            let owners = rows.map { $0.duplicateOf ?? $0.decisionID }
            let quarantines = try QuarantineRow
                .filter(keys: Set(owners))
                .fetchAll(db)
            let byID = Dictionary(quarantines.map { ($0.decisionID, $0) }, uniquingKeysWith: { first, _ in first })
            return zip(rows, owners).map { row, owner in
                StoredDecision(
                    record: row.record, falsePositive: row.falsePositive, quarantine: byID[owner]?.status,
                    duplicateOf: row.duplicateOf)
            }
        }
    }

    /// One decision by id, or nil when there is none.
    public func decision(id: String) async throws -> StoredDecision? {
        try await pool.read { db in
            guard let row = try DecisionRow.filter(DecisionRow.Columns.decisionID == id).fetchOne(db) else {
                return nil
            }
            let quarantine = try QuarantineRow.fetchOne(db, key: row.duplicateOf ?? id)
            return StoredDecision(
                record: row.record, falsePositive: row.falsePositive, quarantine: quarantine?.status, duplicateOf: row.duplicateOf)
        }
    }

    /// The audit trail for one decision, oldest first.
    public func reviewEvents(decisionID: String) async throws -> [ReviewEvent] {
        try await pool.read { db in
            try ReviewEventRow
                .filter(ReviewEventRow.Columns.decisionID == decisionID)
                .order(ReviewEventRow.Columns.occurredAt, Column("id"))
                .fetchAll(db)
                .map(\.event)
        }
    }

    /// Every audit event at or after `since`, oldest first.
    public func reviewEvents(since: Date) async throws -> [ReviewEvent] {
        try await pool.read { db in
            try ReviewEventRow
                .filter(ReviewEventRow.Columns.occurredAt >= since)
                .order(ReviewEventRow.Columns.occurredAt, Column("id"))
                .fetchAll(db)
                .map(\.event)
        }
    }

    static func request(for filter: DecisionFilter) -> SQLRequest<DecisionRow> {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let since = filter.since {
            clauses.append("decidedAt >= ?")
            arguments += [since]
        }
        if let action = filter.action {
            clauses.append("action = ?")
            arguments += [action.rawValue]
        }
        if let section = filter.section {
            clauses.append("EXISTS (SELECT 1 FROM json_each(decision.sections) WHERE json_each.value = ?)")
            arguments += [section.rawValue]
        }
        if let sender = filter.sender {
            if sender.hasPrefix("@") {
                clauses.append("sender LIKE ? ESCAPE '\\'")
                arguments += ["%" + Self.escapedForLike(sender)]
            } else {
                clauses.append("sender = ?")
                arguments += [sender]
            }
        }
        if let role = filter.senderRole {
            clauses.append("senderRole = ?")
            arguments += [role.rawValue]
        }
        if let recipientClass = filter.recipientClass {
            clauses.append("EXISTS (SELECT 1 FROM json_each(decision.recipients) WHERE json_extract(json_each.value, '$.class') = ?)")
            arguments += [recipientClass.rawValue]
        }
        if let state = filter.state {
            clauses.append("decisionID IN (SELECT decisionID FROM quarantine WHERE state = ?)")
            arguments += [state.rawValue]
        } else if filter.quarantinedOnly {
            clauses.append("decisionID IN (SELECT decisionID FROM quarantine)")
        }
        if filter.releaseRequestedOnly {
            clauses.append("decisionID IN (SELECT decisionID FROM selfServiceAction WHERE kind = 'request')")
        }
        if let schools = filter.schools {
            let (clause, schoolArguments) = Self.schoolClause(schools, column: "school")
            clauses.append(clause)
            arguments += schoolArguments
        }
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        arguments += [max(filter.limit, 0), max(filter.offset, 0)]
        // The page is chosen on ids (from indexes), then only its rows are read whole:
        // sorting every match's full row is what made a long list slow.
        return SQLRequest(
            sql: """
                SELECT * FROM decision WHERE id IN (
                    SELECT id FROM decision \(whereClause) ORDER BY decidedAt DESC, id DESC LIMIT ? OFFSET ?)
                ORDER BY decidedAt DESC, id DESC
                """,
            arguments: arguments)
    }

    /// `column IN (?, …)` for a web account's schools; an empty list matches nothing.
    /// For the dashboard's queries over `decision d WHERE d.decidedAt >= ?`: the extra
    /// condition limiting them to `schools` (empty when not limited) and the arguments,
    /// `since` first.
    static func decidedSince(_ since: Date, schools: [String]?) -> (String, StatementArguments) {
        var arguments: StatementArguments = [since]
        guard let schools else { return ("", arguments) }
        let (clause, schoolArguments) = schoolClause(schools, column: "d.school")
        arguments += schoolArguments
        return (" AND " + clause, arguments)
    }

    static func schoolClause(_ schools: [String], column: String) -> (String, StatementArguments) {
        guard !schools.isEmpty else { return ("0", []) }
        return ("\(column) IN (\(Array(repeating: "?", count: schools.count).joined(separator: ", ")))", StatementArguments(schools))
    }

    private static func escapedForLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
