import Foundation
import Logging
import PostgresNIO
import Store

extension PostgresStore {
    public func record(_ decision: DecisionRecord) async throws {
        let json = try PostgresRowCoding.encode(DecisionRow(stamped(decision)))
        try await transaction { connection in
            try await Self.insertDecision(json: json, on: connection, logger: self.logger, ignoringExisting: true)
        }
    }

    /// Writes the decision and the compressed copy in one transaction and returns once
    /// PostgreSQL has committed both (with `synchronous_commit` on, the server's
    /// default: flushed to its WAL). A hold whose fingerprint matches a copy still held
    /// within the duplicate window — on any host — is recorded as its duplicate and keeps
    /// no second copy; an advisory lock on the fingerprint makes two hosts holding the
    /// same retry at once agree on which is first.
    public func recordQuarantine(_ decision: DecisionRecord, rawMessage: [UInt8]) async throws {
        let record = stamped(decision)
        let copy = try QuarantineCopy(rawMessage: rawMessage, envelope: record.envelope)
        let row = DecisionRow(record)
        let duplicateRow = {
            var redacted = row
            redacted.redactEnvelopeRecipients()
            return redacted
        }()
        let json = try PostgresRowCoding.encode(row)
        let window = options.duplicateWindowSeconds
        // At the precision the row keeps (milliseconds), so that a hold at the same
        // moment as the first is within the window.
        let decided = PostgresTimestamp.rounded(record.decidedAt)
        let queueID = record.envelope.queueID
        try await transaction { connection in
            if window > 0 {
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(hashtextextended(\(copy.fingerprint), 0))", logger: self.logger)
                let earliest = decided.addingTimeInterval(-window)
                let first = try await connection.query(
                    """
                    SELECT q."decisionID" FROM quarantine q JOIN decision d ON d."decisionID" = q."decisionID"
                    WHERE q.fingerprint = \(copy.fingerprint) AND q.state IN ('held', 'releasing')
                    AND d."decidedAt" BETWEEN \(earliest) AND \(decided)
                    ORDER BY d."decidedAt", d.id LIMIT 1
                    """, logger: self.logger
                ).collect().first?.decode(String.self)
                if let first {
                    var duplicate = duplicateRow
                    duplicate.duplicateOf = first
                    try await Self.insertDecision(
                        json: try PostgresRowCoding.encode(duplicate), on: connection, logger: self.logger, ignoringExisting: false)
                    return
                }
            }
            try await Self.insertDecision(json: json, on: connection, logger: self.logger, ignoringExisting: false)
            try await connection.query(
                """
                INSERT INTO quarantine ("decisionID", "queueID", content, "contentBytes", "contentCRC32", state, fingerprint)
                VALUES (\(row.decisionID), \(queueID), \(Data(copy.compressed)), \(copy.originalBytes), \(copy.crc32), 'held',
                \(copy.fingerprint))
                """, logger: self.logger)
        }
    }

    /// The decision with this store's mail host when the caller named none.
    func stamped(_ decision: DecisionRecord) -> DecisionRecord {
        guard decision.mailHost == nil, let mailHost = options.mailHost else { return decision }
        var stamped = decision
        stamped.mailHost = mailHost
        return stamped
    }

    static func insertDecision(json: String, on connection: PostgresConnection, logger: Logger, ignoringExisting: Bool) async throws {
        let columns = PostgresRowCoding.quotedDecisionColumns
        let conflict = ignoringExisting ? #" ON CONFLICT ("decisionID") DO NOTHING"# : ""
        var bindings = PostgresBindings()
        bindings.append(json)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: "INSERT INTO decision (\(columns)) SELECT \(columns) FROM jsonb_populate_record(NULL::decision, $1::jsonb)\(conflict)",
                binds: bindings),
            logger: logger)
    }
}
