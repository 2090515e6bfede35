import Foundation
import PostgresNIO
import Store

extension PostgresStore: SelfServiceStore {
    public func selfServiceKey() async throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let candidate = Data((0..<SelfServiceSigner.keyBytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
        return try await transaction { connection in
            // The first host to ask stores its key; every other host reads that one.
            try await connection.query(
                #"INSERT INTO "selfServiceKey" (id, key, "createdAt") VALUES (1, \#(candidate), \#(Date())) ON CONFLICT (id) DO NOTHING"#,
                logger: self.logger)
            for try await key in try await connection.query(#"SELECT key FROM "selfServiceKey" WHERE id = 1"#, logger: self.logger)
                .decode(Data.self) {
                return [UInt8](key)
            }
            throw PostgresStoreError.missingRow(table: "selfServiceKey")
        }
    }

    public func selfServiceAction(decisionID: String) async throws -> SelfServiceAction? {
        try await read { connection in try await Self.selfServiceActions(connection, where: [decisionID], requestsOnly: false, logger: self.logger).first }
    }

    public func spendSelfService(_ action: SelfServiceAction) async throws {
        try await transaction { connection in
            let inserted = try await connection.query(
                """
                INSERT INTO "selfServiceAction" ("decisionID", kind, sender, justification, "occurredAt")
                VALUES (\(action.decisionID), \(action.kind.rawValue), \(action.sender), \(action.justification), \(action.occurredAt))
                ON CONFLICT ("decisionID") DO NOTHING RETURNING 1
                """, logger: self.logger
            ).collect()
            guard !inserted.isEmpty else { throw StoreError.selfServiceSpent(action.decisionID) }
            if action.kind == .request {
                try await Self.appendEvent(
                    connection,
                    ReviewEvent(
                        decisionID: action.decisionID, occurredAt: action.occurredAt, actor: SelfServiceAction.actor(sender: action.sender),
                        kind: .releaseRequested, reason: action.justification, detail: "the sender asked for release from the notice's link"),
                    logger: self.logger)
            }
        }
    }

    public func recordSelfServiceRefusal(decisionID: String?, actor: String, detail: String, at date: Date) async throws {
        try await transaction { connection in
            try await Self.appendEvent(
                connection,
                ReviewEvent(decisionID: decisionID, occurredAt: date, actor: actor, kind: .selfServiceRefused, reason: nil, detail: detail),
                logger: self.logger)
        }
    }

    public func releaseRequests(among decisionIDs: [String]) async throws -> [String: SelfServiceAction] {
        guard !decisionIDs.isEmpty else { return [:] }
        let found = try await read { connection in
            try await Self.selfServiceActions(connection, where: decisionIDs, requestsOnly: true, logger: self.logger)
        }
        return Dictionary(found.map { ($0.decisionID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func selfServiceActions(
        _ connection: PostgresConnection, where decisionIDs: [String], requestsOnly: Bool, logger: Logger
    ) async throws -> [SelfServiceAction] {
        var actions: [SelfServiceAction] = []
        let rows = try await connection.query(
            """
            SELECT "decisionID", kind, sender, justification, "occurredAt" FROM "selfServiceAction"
            WHERE "decisionID" = ANY(\(decisionIDs)) AND (\(!requestsOnly) OR kind = 'request')
            """, logger: logger)
        for try await (id, kind, sender, justification, at) in rows.decode((String, String, String, String?, Date).self) {
            guard let kind = SelfServiceAction.Kind(rawValue: kind) else { continue }
            actions.append(SelfServiceAction(decisionID: id, kind: kind, sender: sender, justification: justification, occurredAt: at))
        }
        return actions
    }
}
