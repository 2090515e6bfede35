import Foundation
import GRDB

/// One row of the `quarantine` table: the compressed copy of a held message and where
/// its review stands.
struct QuarantineRow: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "quarantine"

    var decisionID: String
    var queueID: String?
    /// zlib-compressed raw message; NULL once retention has removed it.
    var content: Data?
    /// Size of the raw message before compression.
    var contentBytes: Int
    /// CRC-32 of the raw message, checked whenever it is read back.
    var contentCRC32: Int64
    var state: String
    var reviewer: String?
    var reviewedAt: Date?
    var reason: String?
    var contentPurgedAt: Date?
    /// `QuarantineFingerprint` of the copy; nil on rows stored before fingerprints.
    var fingerprint: String?

    enum Columns {
        static let decisionID = Column(CodingKeys.decisionID)
        static let state = Column(CodingKeys.state)
    }
}

extension QuarantineRow {
    var status: QuarantineStatus {
        QuarantineStatus(
            state: QuarantineState(rawValue: state) ?? .held,
            queueID: queueID,
            sizeBytes: contentBytes,
            hasStoredCopy: content != nil,
            reviewer: reviewer,
            reviewedAt: reviewedAt,
            reason: reason
        )
    }
}
