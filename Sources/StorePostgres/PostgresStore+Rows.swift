import Foundation
import Logging
import PostgresNIO
import Store

/// What the review operations read of one quarantine row (never its content).
struct PostgresQuarantineColumns: Sendable {
    var state: QuarantineState
    var queueID: String?
    var contentBytes: Int
    var hasStoredCopy: Bool
    var reviewer: String?
    var reviewedAt: Date?
    var reason: String?

    static let selectList = #"state, "queueID", "contentBytes", content IS NOT NULL, reviewer, "reviewedAt", reason"#

    init(_ row: PostgresRow) throws {
        let (state, queueID, contentBytes, hasCopy, reviewer, reviewedAt, reason) = try row.decode(
            (String, String?, Int, Bool, String?, Date?, String?).self)
        // A state this version does not know reads as held, the cautious reading.
        self.state = QuarantineState(rawValue: state) ?? .held
        self.queueID = queueID
        self.contentBytes = contentBytes
        self.hasStoredCopy = hasCopy
        self.reviewer = reviewer
        self.reviewedAt = reviewedAt
        self.reason = reason
    }

    var status: QuarantineStatus {
        QuarantineStatus(
            state: state, queueID: queueID, sizeBytes: contentBytes, hasStoredCopy: hasStoredCopy, reviewer: reviewer,
            reviewedAt: reviewedAt, reason: reason)
    }
}

extension PostgresStore {
    /// The decision whose copy `decisionID` stands for: itself, or the one it duplicates.
    static func copyOwner(_ connection: PostgresConnection, decisionID: String, logger: Logger) async throws -> String {
        let rows = try await connection.query(
            #"SELECT "duplicateOf" FROM decision WHERE "decisionID" = \#(decisionID)"#, logger: logger
        ).collect()
        return try rows.first?.decode(String?.self) ?? decisionID
    }

    static func decisionRow(_ connection: PostgresConnection, decisionID: String, logger: Logger) async throws -> DecisionRow? {
        let rows = try await connection.query(
            #"SELECT to_jsonb(d)::text FROM decision d WHERE "decisionID" = \#(decisionID)"#, logger: logger
        ).collect()
        guard let row = rows.first else { return nil }
        return try PostgresRowCoding.decodeDecision(row.decode(String.self))
    }

    /// The quarantine row's columns; `lockingRow` takes its row lock for the transaction.
    static func quarantineColumns(
        _ connection: PostgresConnection, decisionID: String, logger: Logger, lockingRow: Bool = false
    ) async throws -> PostgresQuarantineColumns? {
        let lock = lockingRow ? " FOR UPDATE" : ""
        var bindings = PostgresBindings()
        bindings.append(decisionID)
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: #"SELECT \#(PostgresQuarantineColumns.selectList) FROM quarantine WHERE "decisionID" = $1\#(lock)"#,
                binds: bindings),
            logger: logger
        ).collect()
        return try rows.first.map(PostgresQuarantineColumns.init)
    }

    /// Removes the copy of a message in `state` and redacts its envelope's pupil and
    /// parent addresses; false when the message was not in that state.
    static func removeCopy(
        _ connection: PostgresConnection, decisionID: String, from state: QuarantineState, actor: String, reason: String,
        at date: Date, logger: Logger
    ) async throws -> Bool {
        let removed = try await connection.query(
            """
            UPDATE quarantine SET state = 'deleted', reviewer = \(actor), "reviewedAt" = \(date), reason = \(reason),
            content = NULL, "contentPurgedAt" = \(date)
            WHERE "decisionID" = \(decisionID) AND state = \(state.rawValue) RETURNING 1
            """, logger: logger
        ).collect()
        guard !removed.isEmpty else { return false }
        try await redactEnvelope(connection, decisionID: decisionID, logger: logger)
        return true
    }

    /// The copy is gone, so the pupils' and parents' addresses in its envelope go too.
    static func redactEnvelope(_ connection: PostgresConnection, decisionID: String, logger: Logger) async throws {
        guard var row = try await decisionRow(connection, decisionID: decisionID, logger: logger) else { return }
        let before = row.envelopeRecipients
        row.redactEnvelopeRecipients()
        guard row.envelopeRecipients != before else { return }
        let json = String(decoding: try JSONEncoder().encode(row.envelopeRecipients), as: UTF8.self)
        try await connection.query(
            #"UPDATE decision SET "envelopeRecipients" = \#(json)::jsonb WHERE "decisionID" = \#(decisionID)"#, logger: logger)
    }

    static func appendEvent(_ connection: PostgresConnection, _ event: ReviewEvent, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO "reviewEvent" ("decisionID", "occurredAt", actor, kind, reason, detail)
            VALUES (\(event.decisionID), \(event.occurredAt), \(event.actor), \(event.kind.rawValue), \(event.reason), \(event.detail))
            """, logger: logger)
    }

    /// The decompressed copy, checked against its CRC-32.
    static func storedContent(_ connection: PostgresConnection, decisionID requested: String, logger: Logger) async throws -> [UInt8] {
        let decisionID = try await copyOwner(connection, decisionID: requested, logger: logger)
        let rows = try await connection.query(
            #"SELECT content, "contentBytes", "contentCRC32" FROM quarantine WHERE "decisionID" = \#(decisionID)"#, logger: logger
        ).collect()
        guard let row = rows.first else { throw StoreError.notQuarantined(decisionID) }
        let (content, size, crc) = try row.decode((Data?, Int, Int64).self)
        guard let content else { throw StoreError.contentExpired(decisionID) }
        let bytes = try MessageCompression.decompress([UInt8](content), originalSize: size)
        guard MessageCompression.checksum(bytes) == crc else { throw StoreError.contentCorrupt(decisionID: decisionID) }
        return bytes
    }
}
