import ChaperoneModel
import Foundation
import Logging
import PostgresNIO
import Store

extension PostgresStore {
    /// Decisions matching `filter`, newest first, with their quarantine status (for a
    /// duplicate hold, the status of the copy it shares).
    public func decisions(matching filter: DecisionFilter) async throws -> [StoredDecision] {
        let query = try Self.query(for: filter)
        return try await read { connection in
            var decisions: [StoredDecision] = []
            for try await (json, quarantine) in try await connection.query(query, logger: self.logger)
                .decode((String, String?).self) {
                decisions.append(try Self.storedDecision(json: json, quarantineJSON: quarantine))
            }
            return decisions
        }
    }

    public func decision(id: String) async throws -> StoredDecision? {
        try await read { connection in
            let rows = try await connection.query(
                """
                SELECT to_jsonb(d)::text, \(unescaped: Self.quarantineJSON) FROM decision d
                LEFT JOIN quarantine q ON q."decisionID" = COALESCE(d."duplicateOf", d."decisionID")
                WHERE d."decisionID" = \(id)
                """, logger: self.logger
            ).collect()
            guard let row = rows.first else { return nil }
            let (json, quarantine) = try row.decode((String, String?).self)
            return try Self.storedDecision(json: json, quarantineJSON: quarantine)
        }
    }

    /// The audit trail for one decision, oldest first.
    public func reviewEvents(decisionID: String) async throws -> [ReviewEvent] {
        try await read { connection in
            try await Self.events(
                connection,
                #"SELECT "decisionID", "occurredAt", actor, kind, reason, detail FROM "reviewEvent" WHERE "decisionID" = \#(decisionID) ORDER BY "occurredAt", id"#,
                logger: self.logger)
        }
    }

    /// Every audit event at or after `since`, oldest first.
    public func reviewEvents(since: Date) async throws -> [ReviewEvent] {
        try await read { connection in
            try await Self.events(
                connection,
                #"SELECT "decisionID", "occurredAt", actor, kind, reason, detail FROM "reviewEvent" WHERE "occurredAt" >= \#(since) ORDER BY "occurredAt", id"#,
                logger: self.logger)
        }
    }

    static func events(_ connection: PostgresConnection, _ query: PostgresQuery, logger: Logger) async throws -> [ReviewEvent] {
        var events: [ReviewEvent] = []
        for try await (decisionID, occurredAt, actor, kind, reason, detail) in try await connection.query(query, logger: logger)
            .decode((String?, Date, String, String, String?, String?).self) {
            events.append(
                ReviewEvent(
                    decisionID: decisionID, occurredAt: occurredAt, actor: actor, kind: ReviewEvent.Kind(rawValue: kind) ?? .note,
                    reason: reason, detail: detail))
        }
        return events
    }

    /// The quarantine columns a listing shows, as one JSON object (null when none).
    static let quarantineJSON = """
        CASE WHEN q."decisionID" IS NULL THEN NULL ELSE jsonb_build_object(
        'state', q.state, 'queueID', q."queueID", 'sizeBytes', q."contentBytes", 'hasStoredCopy', q.content IS NOT NULL,
        'reviewer', q.reviewer, 'reviewedAt', q."reviewedAt", 'reason', q.reason)::text END
        """

    static func storedDecision(json: String, quarantineJSON: String?) throws -> StoredDecision {
        let row = try PostgresRowCoding.decodeDecision(json)
        let quarantine = try quarantineJSON.map(PostgresRowCoding.decodeQuarantineStatus)
        return StoredDecision(record: row.record, falsePositive: row.falsePositive, quarantine: quarantine, duplicateOf: row.duplicateOf)
    }

    /// The listing query: the same filters as the SQLite store, on jsonb operators.
    static func query(for filter: DecisionFilter) throws -> PostgresQuery {
        var clauses: [String] = []
        var bindings = PostgresBindings()
        func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
            bindings.append(value)
            return "$\(bindings.count)"
        }
        if let since = filter.since { clauses.append(#"d."decidedAt" >= \#(bind(since))"#) }
        if let action = filter.action { clauses.append("d.action = \(bind(action.rawValue))") }
        if let section = filter.section { clauses.append("d.sections ? \(bind(section.rawValue))") }
        if let sender = filter.sender {
            if sender.hasPrefix("@") {
                clauses.append(#"lower(d.sender) LIKE \#(bind("%" + escapedForLike(sender.lowercased()))) ESCAPE '\'"#)
            } else {
                clauses.append("lower(d.sender) = lower(\(bind(sender)))")
            }
        }
        if let role = filter.senderRole { clauses.append(#"d."senderRole" = \#(bind(role.rawValue))"#) }
        if let recipientClass = filter.recipientClass {
            clauses.append("EXISTS (SELECT 1 FROM jsonb_array_elements(d.recipients) r WHERE r->>'class' = \(bind(recipientClass.rawValue)))")
        }
        if let state = filter.state {
            clauses.append(#"d."decisionID" IN (SELECT "decisionID" FROM quarantine WHERE state = \#(bind(state.rawValue)))"#)
        } else if filter.quarantinedOnly {
            clauses.append(#"d."decisionID" IN (SELECT "decisionID" FROM quarantine)"#)
        }
        if let schools = filter.schools { clauses.append(schoolClause(schools, column: "d.school", bindings: &bindings)) }
        if filter.releaseRequestedOnly {
            clauses.append(#"d."decisionID" IN (SELECT "decisionID" FROM "selfServiceAction" WHERE kind = 'request')"#)
        }
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let limit = bind(max(filter.limit, 0))
        let offset = bind(max(filter.offset, 0))
        return PostgresQuery(
            unsafeSQL: """
                SELECT to_jsonb(d)::text, \(quarantineJSON) FROM decision d
                LEFT JOIN quarantine q ON q."decisionID" = COALESCE(d."duplicateOf", d."decisionID")
                \(whereClause) ORDER BY d."decidedAt" DESC, d.id DESC LIMIT \(limit) OFFSET \(offset)
                """,
            binds: bindings)
    }

    /// `column IN ($n, …)` for a web account's schools, appending the binds; an empty
    /// list matches nothing.
    static func schoolClause(_ schools: [String], column: String, bindings: inout PostgresBindings) -> String {
        guard !schools.isEmpty else { return "FALSE" }
        let placeholders = schools.map { school -> String in
            bindings.append(school)
            return "$\(bindings.count)"
        }
        return "\(column) IN (\(placeholders.joined(separator: ", ")))"
    }

    private static func escapedForLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
