import Foundation
import GRDB

extension AppDatabase: SelfServiceStore {
    public func selfServiceKey() async throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let candidate = (0..<SelfServiceSigner.keyBytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return try await pool.write { db in
            // The first opening to ask stores its key; every other one reads that one.
            try db.execute(
                sql: "INSERT OR IGNORE INTO selfServiceKey (id, key, createdAt) VALUES (1, ?, ?)", arguments: [Data(candidate), Date()])
            // The row is there: inserted just now or before, in this same transaction.
            return [UInt8](try Data.fetchOne(db, sql: "SELECT key FROM selfServiceKey WHERE id = 1") ?? Data(candidate))
        }
    }

    public func selfServiceAction(decisionID: String) async throws -> SelfServiceAction? {
        try await pool.read { db in try Self.selfServiceAction(db, decisionID: decisionID) }
    }

    public func spendSelfService(_ action: SelfServiceAction) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO selfServiceAction (decisionID, kind, sender, justification, occurredAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [action.decisionID, action.kind.rawValue, action.sender, action.justification, action.occurredAt])
            guard db.changesCount == 1 else { throw StoreError.selfServiceSpent(action.decisionID) }
            if action.kind == .request {
                var event = ReviewEventRow(
                    id: nil, decisionID: action.decisionID, occurredAt: action.occurredAt,
                    actor: SelfServiceAction.actor(sender: action.sender), kind: ReviewEvent.Kind.releaseRequested.rawValue,
                    reason: action.justification, detail: "the sender asked for release from the notice's link")
                try event.insert(db)
            }
        }
    }

    public func recordSelfServiceRefusal(decisionID: String?, actor: String, detail: String, at date: Date) async throws {
        try await pool.write { db in
            var event = ReviewEventRow(
                id: nil, decisionID: decisionID, occurredAt: date, actor: actor, kind: ReviewEvent.Kind.selfServiceRefused.rawValue,
                reason: nil, detail: detail)
            try event.insert(db)
        }
    }

    public func releaseRequests(among decisionIDs: [String]) async throws -> [String: SelfServiceAction] {
        guard !decisionIDs.isEmpty else { return [:] }
        return try await pool.read { db in
            let marks = databaseQuestionMarks(count: decisionIDs.count)
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM selfServiceAction WHERE kind = 'request' AND decisionID IN (\(marks))",
                arguments: StatementArguments(decisionIDs))
            return Dictionary(rows.compactMap(Self.selfServiceAction).map { ($0.decisionID, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    private static func selfServiceAction(_ db: Database, decisionID: String) throws -> SelfServiceAction? {
        try Row.fetchOne(db, sql: "SELECT * FROM selfServiceAction WHERE decisionID = ?", arguments: [decisionID])
            .flatMap(selfServiceAction)
    }

    private static func selfServiceAction(_ row: Row) -> SelfServiceAction? {
        guard let kind = SelfServiceAction.Kind(rawValue: row["kind"]) else { return nil }
        return SelfServiceAction(
            decisionID: row["decisionID"], kind: kind, sender: row["sender"], justification: row["justification"],
            occurredAt: row["occurredAt"])
    }
}
