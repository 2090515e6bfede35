import Foundation
import GRDB

extension AppDatabase {
    /// Writes a batch of decisions in one transaction. A decision id already present is
    /// left as it is (a retried flush must not fail on rows it already wrote).
    public func insertDecisions(_ records: [DecisionRecord]) async throws {
        guard !records.isEmpty else { return }
        try await pool.write { db in
            for record in records {
                var row = DecisionRow(record)
                try row.insert(db, onConflict: .ignore)
            }
        }
    }

    /// Writes a quarantine decision and the compressed raw message in one transaction,
    /// and returns only once SQLite has committed both.
    public func insertQuarantine(_ record: DecisionRecord, rawMessage: [UInt8]) async throws {
        let compressed = try MessageCompression.compress(rawMessage)
        let quarantine = QuarantineRow(
            decisionID: record.report.decisionID,
            queueID: record.envelope.queueID,
            content: Data(compressed),
            contentBytes: rawMessage.count,
            contentCRC32: MessageCompression.checksum(rawMessage),
            state: QuarantineState.held.rawValue
        )
        try await pool.write { db in
            var decision = DecisionRow(record)
            try decision.insert(db)
            try quarantine.insert(db)
        }
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
