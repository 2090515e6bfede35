import Foundation
import GRDB

/// One row of the append-only `reviewEvent` audit table (triggers refuse UPDATE and
/// DELETE).
struct ReviewEventRow: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "reviewEvent"

    var id: Int64?
    /// The decision concerned; NULL for store-wide events such as a purge.
    var decisionID: String?
    var occurredAt: Date
    var actor: String
    var kind: String
    var reason: String?
    var detail: String?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    enum Columns {
        static let decisionID = Column(CodingKeys.decisionID)
        static let occurredAt = Column(CodingKeys.occurredAt)
    }

    var event: ReviewEvent {
        ReviewEvent(
            decisionID: decisionID,
            occurredAt: occurredAt,
            actor: actor,
            kind: ReviewEvent.Kind(rawValue: kind) ?? .note,
            reason: reason,
            detail: detail
        )
    }
}
