import Foundation
import GRDB

extension AppDatabase {
    /// Writes a batch of decisions in one transaction. A decision id already present is
    /// left as it is (a retried write must not fail on rows it already wrote).
    public func insertDecisions(_ records: [DecisionRecord]) async throws {
        try await insertBatch(records.map { PendingDecisionWrite(record: $0, quarantine: nil) })
    }

    /// Writes a quarantine decision and the compressed raw message in one transaction,
    /// and returns only once SQLite has committed both (`synchronous = FULL`: on disk).
    public func insertQuarantine(_ record: DecisionRecord, rawMessage: [UInt8]) async throws {
        try await insertBatch([PendingDecisionWrite(record: record, quarantine: try QuarantineCopy(rawMessage: rawMessage))])
    }

    /// Writes decisions and quarantine copies in one transaction (group commit): when it
    /// returns, every row of the batch is on disk; when it throws, none is.
    public func insertBatch(_ writes: [PendingDecisionWrite]) async throws {
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
                try row.insert(db)
                try QuarantineRow(
                    decisionID: write.record.report.decisionID, queueID: write.record.envelope.queueID,
                    content: Data(copy.compressed), contentBytes: copy.originalBytes, contentCRC32: copy.crc32,
                    state: QuarantineState.held.rawValue
                ).insert(db)
            }
        }
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
/// the way back out. Built by the caller (off the writer) so that compression never
/// holds up a group commit.
public struct QuarantineCopy: Sendable {
    public let compressed: [UInt8]
    public let originalBytes: Int
    public let crc32: Int64

    public init(rawMessage: [UInt8]) throws {
        compressed = try MessageCompression.compress(rawMessage)
        originalBytes = rawMessage.count
        crc32 = MessageCompression.checksum(rawMessage)
    }
}

extension QuarantineRow {
    init(decisionID: String, queueID: String?, content: Data, contentBytes: Int, contentCRC32: Int64, state: String) {
        self.init(
            decisionID: decisionID, queueID: queueID, content: content, contentBytes: contentBytes,
            contentCRC32: contentCRC32, state: state, reviewer: nil, reviewedAt: nil, reason: nil,
            contentPurgedAt: nil)
    }
}
