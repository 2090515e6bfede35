import Foundation
import GRDB

extension AppDatabase: SelfServiceStore {
    public func selfServiceKey() async throws -> [UInt8] {
        try await pool.write { db in
            if let key = try Data.fetchOne(db, sql: "SELECT key FROM selfServiceKey WHERE id = 1") { return [UInt8](key) }
            var generator = SystemRandomNumberGenerator()
            let key = (0..<SelfServiceSigner.keyBytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try db.execute(
                sql: "INSERT INTO selfServiceKey (id, key, createdAt) VALUES (1, ?, ?)", arguments: [Data(key), Date()])
            return key
        }
    }

    public func selfServiceAction(decisionID: String) async throws -> SelfServiceAction? {
        try await pool.read { db in try Self.selfServiceAction(db, decisionID: decisionID) }
    }

    public func spendSelfService(_ action: SelfServiceAction) async throws {
        try await pool.write { db in
            guard try Self.selfServiceAction(db, decisionID: action.decisionID) == nil else {
                throw StoreError.selfServiceSpent(action.decisionID)
            }
            try db.execute(
                sql: "INSERT INTO selfServiceAction (decisionID, kind, sender, justification, occurredAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [action.decisionID, action.kind.rawValue, action.sender, action.justification, action.occurredAt])
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
