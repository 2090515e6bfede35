import Foundation
import Logging
import PostgresNIO
import Store

extension PostgresStore {
    /// Moves a held message to `releasing`. The conditional UPDATE takes the row lock:
    /// a second caller on any host waits for the first to commit, then finds the state
    /// changed and is refused, so exactly one wins. A duplicate hold claims its first.
    public func claim(decisionID requested: String, for operation: ReviewOperation) async throws -> QuarantineClaim {
        try await transaction { connection in
            let decisionID = try await Self.copyOwner(connection, decisionID: requested, logger: self.logger)
            guard let decision = try await Self.decisionRow(connection, decisionID: decisionID, logger: self.logger) else {
                throw StoreError.unknownDecision(decisionID)
            }
            guard let quarantine = try await Self.quarantineColumns(connection, decisionID: decisionID, logger: self.logger) else {
                throw StoreError.notQuarantined(decisionID)
            }
            let claimed = try await connection.query(
                """
                UPDATE quarantine SET state = \(operation.claimState.rawValue)
                WHERE "decisionID" = \(decisionID) AND state = 'held' RETURNING content IS NOT NULL
                """, logger: self.logger
            ).collect()
            guard let row = claimed.first else {
                let now = try await Self.quarantineColumns(connection, decisionID: decisionID, logger: self.logger)
                throw StoreError.wrongState(decisionID: decisionID, state: now?.state ?? quarantine.state, expected: .held)
            }
            return QuarantineClaim(
                decisionID: decisionID, operation: operation, envelope: decision.record.envelope,
                queueID: quarantine.queueID, hasStoredCopy: try row.decode(Bool.self))
        }
    }

    public func finish(
        _ claim: QuarantineClaim, outcome: ReviewEvent.Kind, actor: String, reason: String, detail: String?, at date: Date
    ) async throws {
        let succeeded = outcome != .releaseFailed
        let newState: QuarantineState = succeeded ? claim.operation.finalState : .held
        let claimState = claim.operation.claimState.rawValue
        try await transaction { connection in
            if succeeded {
                try await connection.query(
                    """
                    UPDATE quarantine SET state = \(newState.rawValue), reviewer = \(actor), "reviewedAt" = \(date), reason = \(reason)
                    WHERE "decisionID" = \(claim.decisionID) AND state = \(claimState)
                    """, logger: self.logger)
            } else {
                try await connection.query(
                    """
                    UPDATE quarantine SET state = \(newState.rawValue) WHERE "decisionID" = \(claim.decisionID) AND state = \(claimState)
                    """, logger: self.logger)
            }
            try await Self.appendEvent(
                connection, ReviewEvent(decisionID: claim.decisionID, occurredAt: date, actor: actor, kind: outcome, reason: reason, detail: detail),
                logger: self.logger)
        }
    }

    /// Deletes a held message and its copy in one transaction, with the audit event;
    /// exactly one of several concurrent deletes or releases wins.
    public func deleteHeld(decisionID requested: String, actor: String, reason: String, at date: Date) async throws {
        try await transaction { connection in
            let decisionID = try await Self.copyOwner(connection, decisionID: requested, logger: self.logger)
            guard let quarantine = try await Self.quarantineColumns(connection, decisionID: decisionID, logger: self.logger) else {
                guard try await Self.decisionRow(connection, decisionID: decisionID, logger: self.logger) != nil else {
                    throw StoreError.unknownDecision(decisionID)
                }
                throw StoreError.notQuarantined(decisionID)
            }
            guard try await Self.removeCopy(
                connection, decisionID: decisionID, from: .held, actor: actor, reason: reason, at: date, logger: self.logger)
            else {
                throw StoreError.wrongState(decisionID: decisionID, state: quarantine.state, expected: .held)
            }
            try await Self.appendEvent(
                connection, ReviewEvent(decisionID: decisionID, occurredAt: date, actor: actor, kind: .deleted, reason: reason, detail: nil),
                logger: self.logger)
        }
    }

    public func recoverClaim(
        decisionID requested: String, releaseWasDelivered: Bool, actor: String, reason: String, detail: String?, at date: Date
    ) async throws {
        try await transaction { connection in
            let decisionID = try await Self.copyOwner(connection, decisionID: requested, logger: self.logger)
            guard let quarantine = try await Self.quarantineColumns(
                connection, decisionID: decisionID, logger: self.logger, lockingRow: true)
            else {
                throw StoreError.notQuarantined(decisionID)
            }
            let state = quarantine.state
            let kind: ReviewEvent.Kind
            switch state {
            case .releasing where releaseWasDelivered:
                try await connection.query(
                    """
                    UPDATE quarantine SET state = 'released', reviewer = \(actor), "reviewedAt" = \(date), reason = \(reason)
                    WHERE "decisionID" = \(decisionID) AND state = 'releasing'
                    """, logger: self.logger)
                kind = .releasedByReinjection
            case .releasing:
                try await connection.query(
                    #"UPDATE quarantine SET state = 'held' WHERE "decisionID" = \#(decisionID) AND state = 'releasing'"#,
                    logger: self.logger)
                kind = .claimRecovered
            case .deleting:
                _ = try await Self.removeCopy(
                    connection, decisionID: decisionID, from: .deleting, actor: actor, reason: reason, at: date, logger: self.logger)
                kind = .deleted
            case .held, .released, .deleted, .expired:
                throw StoreError.wrongState(decisionID: decisionID, state: state, expected: .releasing)
            }
            try await Self.appendEvent(
                connection,
                ReviewEvent(
                    decisionID: decisionID, occurredAt: date, actor: actor, kind: kind, reason: reason,
                    detail: detail ?? "recovered from \(state.rawValue)"),
                logger: self.logger)
        }
    }

    public func markFalsePositive(decisionID: String, actor: String, reason: String, at date: Date) async throws {
        try await transaction { connection in
            let updated = try await connection.query(
                #"UPDATE decision SET "falsePositive" = TRUE WHERE "decisionID" = \#(decisionID) RETURNING 1"#, logger: self.logger
            ).collect()
            guard !updated.isEmpty else { throw StoreError.unknownDecision(decisionID) }
            try await Self.appendEvent(
                connection,
                ReviewEvent(decisionID: decisionID, occurredAt: date, actor: actor, kind: .falsePositive, reason: reason, detail: nil),
                logger: self.logger)
        }
    }

    /// The raw message for a person to read; the audit event commits with the read.
    public func rawMessageForViewing(decisionID: String, viewer: String, reason: String?, at date: Date) async throws -> [UInt8] {
        try await transaction { connection in
            let content = try await Self.storedContent(connection, decisionID: decisionID, logger: self.logger)
            try await Self.appendEvent(
                connection,
                ReviewEvent(decisionID: decisionID, occurredAt: date, actor: viewer, kind: .viewedRaw, reason: reason, detail: nil),
                logger: self.logger)
            return content
        }
    }

    public func rawMessage(for claim: QuarantineClaim) async throws -> [UInt8] {
        try await read { connection in
            try await Self.storedContent(connection, decisionID: claim.decisionID, logger: self.logger)
        }
    }
}
