import ChaperoneModel
import Foundation
import GRDB

extension AppDatabase {
    /// How long a held copy catches later holds of the same message as duplicates:
    /// Postfix's `maximal_queue_lifetime` (5 days), the longest a sending server retries.
    public static let defaultDuplicateWindowSeconds: Double = 5 * 24 * 3600

    /// Writes a batch of decisions in one transaction. A decision id already present is
    /// left as it is (a retried write must not fail on rows it already wrote).
    public func insertDecisions(_ records: [DecisionRecord]) async throws {
        try await insertBatch(records.map { PendingDecisionWrite(record: $0, quarantine: nil) })
    }

    /// Writes a quarantine decision and the compressed raw message in one transaction,
    /// and returns only once SQLite has committed both (`synchronous = FULL`: on disk).
    public func insertQuarantine(
        _ record: DecisionRecord, rawMessage: [UInt8], duplicateWindowSeconds: Double = AppDatabase.defaultDuplicateWindowSeconds
    ) async throws {
        let copy = try QuarantineCopy(rawMessage: rawMessage, envelope: record.envelope)
        try await insertBatch([PendingDecisionWrite(record: record, quarantine: copy)], duplicateWindowSeconds: duplicateWindowSeconds)
    }

    /// Writes decisions and quarantine copies in one transaction (group commit): when it
    /// returns, every row of the batch is on disk; when it throws, none is.
    ///
    /// A hold whose copy has the fingerprint of a copy still held (or being released)
    /// that was decided within `duplicateWindowSeconds` is the same message sent again
    /// — the milter stopped after committing the first copy but before its DISCARD
    /// reached Postfix, and the sending server retried. Its decision row is written,
    /// linked to the first (`duplicateOf`), with its envelope redacted like any row
    /// without a copy, and no second copy is kept: releasing or deleting either acts on
    /// the one copy, once. Zero seconds turns the check off.
    public func insertBatch(
        _ writes: [PendingDecisionWrite], duplicateWindowSeconds: Double = AppDatabase.defaultDuplicateWindowSeconds
    ) async throws {
        guard !writes.isEmpty else { return }
        // Rows are encoded before the transaction, so that the write lock is held for
        // the inserts and the commit only.
        let rows = writes.map { DecisionRow($0.record) }
        try await pool.write { db in
            for (write, encoded) in zip(writes, rows) {
                var row = encoded
                guard let copy = write.quarantine else {
                    try row.insert(db, onConflict: .ignore)
                    continue
                }
                let decided = write.record.decidedAt
                if duplicateWindowSeconds > 0,
                   let first = try Self.heldCopy(
                       db, fingerprint: copy.fingerprint,
                       decided: decided.addingTimeInterval(-duplicateWindowSeconds)...decided) {
                    row.duplicateOf = first
                    row.redactEnvelopeRecipients()
                    try row.insert(db)
                    continue
                }
                try row.insert(db)
                try QuarantineRow(
                    decisionID: write.record.report.decisionID, queueID: write.record.envelope.queueID,
                    content: Data(copy.compressed), contentBytes: copy.originalBytes, contentCRC32: copy.crc32,
                    state: QuarantineState.held.rawValue, fingerprint: copy.fingerprint
                ).insert(db)
            }
        }
    }

    /// The oldest decision holding a copy with this fingerprint, not yet released or
    /// deleted, decided within `window`.
    private static func heldCopy(_ db: Database, fingerprint: String, decided window: ClosedRange<Date>) throws -> String? {
        try String.fetchOne(
            db,
            sql: """
                SELECT quarantine.decisionID FROM quarantine JOIN decision USING (decisionID)
                WHERE quarantine.fingerprint = ? AND quarantine.state IN (?, ?) AND decision.decidedAt BETWEEN ? AND ?
                ORDER BY decision.decidedAt, decision.id LIMIT 1
                """,
            arguments: [fingerprint, QuarantineState.held.rawValue, QuarantineState.releasing.rawValue, window.lowerBound, window.upperBound])
    }

    /// The decision whose copy `decisionID` stands for: itself, or for a duplicate hold
    /// the decision it duplicates.
    static func copyOwner(_ db: Database, decisionID: String) throws -> String {
        let row = try Row.fetchOne(db, sql: "SELECT duplicateOf FROM decision WHERE decisionID = ?", arguments: [decisionID])
        let duplicateOf: String? = row?["duplicateOf"]
        return duplicateOf ?? decisionID
    }
}

/// One row waiting for the next group commit: a decision, and for a quarantine its copy.
public struct PendingDecisionWrite: Sendable {
    public var record: DecisionRecord
    public var quarantine: QuarantineCopy?

    public init(record: DecisionRecord, quarantine: QuarantineCopy?) {
        self.record = record
        self.quarantine = quarantine
    }
}

/// A quarantined message compressed for the store, with what is needed to check it on
/// the way back out and to recognise it if it is held again. Built by the caller (off
/// the writer) so that compression never holds up a group commit.
public struct QuarantineCopy: Sendable {
    public let compressed: [UInt8]
    public let originalBytes: Int
    public let crc32: Int64
    /// `QuarantineFingerprint` of the message and its envelope.
    public let fingerprint: String

    public init(rawMessage: [UInt8], envelope: Envelope) throws {
        compressed = try MessageCompression.compress(rawMessage)
        originalBytes = rawMessage.count
        crc32 = MessageCompression.checksum(rawMessage)
        fingerprint = QuarantineFingerprint.of(rawMessage: rawMessage, sender: envelope.sender, recipients: envelope.recipients)
    }
}

extension QuarantineRow {
    init(
        decisionID: String, queueID: String?, content: Data, contentBytes: Int, contentCRC32: Int64, state: String,
        fingerprint: String
    ) {
        self.init(
            decisionID: decisionID, queueID: queueID, content: content, contentBytes: contentBytes,
            contentCRC32: contentCRC32, state: state, reviewer: nil, reviewedAt: nil, reason: nil,
            contentPurgedAt: nil, fingerprint: fingerprint)
    }
}
