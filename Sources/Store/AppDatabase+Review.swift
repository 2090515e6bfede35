import Foundation
import GRDB

extension AppDatabase {
    /// Moves a held message to `releasing` in one transaction and returns
    /// what the operation needs. Only one caller can win: every other concurrent claim
    /// (in this process or another) finds the state already changed and is refused.
    /// Claiming a duplicate hold claims the decision whose copy it shares.
    public func claim(decisionID requested: String, for operation: ReviewOperation) async throws -> QuarantineClaim {
        try await pool.write { db in
            let decisionID = try Self.copyOwner(db, decisionID: requested)
            guard let decision = try DecisionRow.filter(DecisionRow.Columns.decisionID == decisionID).fetchOne(db) else {
                throw StoreError.unknownDecision(decisionID)
            }
            guard let quarantine = try QuarantineRow.fetchOne(db, key: decisionID) else {
                throw StoreError.notQuarantined(decisionID)
            }
            try db.execute(
                sql: "UPDATE quarantine SET state = ? WHERE decisionID = ? AND state = ?",
                arguments: [operation.claimState.rawValue, decisionID, QuarantineState.held.rawValue])
            guard db.changesCount == 1 else {
                throw StoreError.wrongState(
                    decisionID: decisionID, state: QuarantineState(rawValue: quarantine.state) ?? .held, expected: .held)
            }
            return QuarantineClaim(
                decisionID: decisionID, operation: operation, envelope: decision.record.envelope,
                queueID: quarantine.queueID, hasStoredCopy: quarantine.content != nil)
        }
    }

    /// Ends a claim: records the outcome in the quarantine row and the audit trail in
    /// one transaction. A failed release returns the message to `held`.
    public func finish(_ claim: QuarantineClaim, outcome: ReviewEvent.Kind, actor: String, reason: String, detail: String?, at date: Date = Date()) async throws {
        let succeeded = outcome != .releaseFailed
        let newState: QuarantineState = succeeded ? claim.operation.finalState : .held
        try await pool.write { db in
            if succeeded {
                try db.execute(
                    sql: "UPDATE quarantine SET state = ?, reviewer = ?, reviewedAt = ?, reason = ? WHERE decisionID = ? AND state = ?",
                    arguments: [newState.rawValue, actor, date, reason, claim.decisionID, claim.operation.claimState.rawValue])
            } else {
                try db.execute(
                    sql: "UPDATE quarantine SET state = ? WHERE decisionID = ? AND state = ?",
                    arguments: [newState.rawValue, claim.decisionID, claim.operation.claimState.rawValue])
            }
            var event = ReviewEventRow(
                decisionID: claim.decisionID, occurredAt: date, actor: actor, kind: outcome.rawValue, reason: reason, detail: detail)
            try event.insert(db)
        }
    }

    /// Deletes a held message in one transaction: the stored copy (the only copy: Postfix
    /// keeps none) is removed at once (`secure_delete` overwrites its pages), the state
    /// becomes `deleted`, and the audit event is written. Exactly one of several
    /// concurrent deletes or releases wins; the others get `wrongState`.
    /// Deleting a duplicate hold deletes the one copy it shares.
    public func deleteHeld(decisionID requested: String, actor: String, reason: String, at date: Date = Date()) async throws {
        try await pool.write { db in
            let decisionID = try Self.copyOwner(db, decisionID: requested)
            guard let quarantine = try QuarantineRow.fetchOne(db, key: decisionID) else {
                guard try DecisionRow.filter(DecisionRow.Columns.decisionID == decisionID).fetchCount(db) > 0 else {
                    throw StoreError.unknownDecision(decisionID)
                }
                throw StoreError.notQuarantined(decisionID)
            }
            guard try Self.removeCopy(db, decisionID: decisionID, from: [.held], actor: actor, reason: reason, at: date) else {
                throw StoreError.wrongState(
                    decisionID: decisionID, state: QuarantineState(rawValue: quarantine.state) ?? .held, expected: .held)
            }
            var event = ReviewEventRow(
                decisionID: decisionID, occurredAt: date, actor: actor, kind: ReviewEvent.Kind.deleted.rawValue,
                reason: reason, detail: nil)
            try event.insert(db)
        }
    }

    /// Settles a review that stopped half way, with an audit event, in one transaction.
    /// A `releasing` message goes to `released` when `releaseWasDelivered` (its release
    /// header was found where Postfix logs it), else back to `held`; a `deleting` one
    /// (left by a version that deleted in two steps) is deleted now. Refused for any
    /// other state.
    public func recoverClaim(
        decisionID requested: String, releaseWasDelivered: Bool, actor: String, reason: String, detail: String?, at date: Date = Date()
    ) async throws {
        try await pool.write { db in
            let decisionID = try Self.copyOwner(db, decisionID: requested)
            guard let quarantine = try QuarantineRow.fetchOne(db, key: decisionID) else {
                throw StoreError.notQuarantined(decisionID)
            }
            let state = QuarantineState(rawValue: quarantine.state) ?? .held
            let kind: ReviewEvent.Kind
            switch state {
            case .releasing where releaseWasDelivered:
                try db.execute(
                    sql: "UPDATE quarantine SET state = ?, reviewer = ?, reviewedAt = ?, reason = ? WHERE decisionID = ? AND state = ?",
                    arguments: [QuarantineState.released.rawValue, actor, date, reason, decisionID, state.rawValue])
                kind = .releasedByReinjection
            case .releasing:
                try db.execute(
                    sql: "UPDATE quarantine SET state = ? WHERE decisionID = ? AND state = ?",
                    arguments: [QuarantineState.held.rawValue, decisionID, state.rawValue])
                kind = .claimRecovered
            case .deleting:
                _ = try Self.removeCopy(db, decisionID: decisionID, from: [.deleting], actor: actor, reason: reason, at: date)
                kind = .deleted
            case .held, .released, .deleted, .expired:
                throw StoreError.wrongState(decisionID: decisionID, state: state, expected: .releasing)
            }
            var event = ReviewEventRow(
                decisionID: decisionID, occurredAt: date, actor: actor, kind: kind.rawValue, reason: reason,
                detail: detail ?? "recovered from \(state.rawValue)")
            try event.insert(db)
        }
    }

    /// Removes the copy of a message in one of `states` and redacts its envelope's pupil
    /// and parent addresses; false when the message was in no such state.
    private static func removeCopy(
        _ db: Database, decisionID: String, from states: [QuarantineState], actor: String, reason: String, at date: Date
    ) throws -> Bool {
        let placeholders = states.map { _ in "?" }.joined(separator: ", ")
        var arguments: StatementArguments = [QuarantineState.deleted.rawValue, actor, date, reason, date, decisionID]
        arguments += StatementArguments(states.map(\.rawValue))
        try db.execute(
            sql: """
                UPDATE quarantine SET state = ?, reviewer = ?, reviewedAt = ?, reason = ?, content = NULL, contentPurgedAt = ?
                WHERE decisionID = ? AND state IN (\(placeholders))
                """,
            arguments: arguments)
        guard db.changesCount == 1 else { return false }
        // The copy is gone, so the pupils' and parents' addresses in its envelope go too.
        if var row = try DecisionRow.filter(DecisionRow.Columns.decisionID == decisionID).fetchOne(db) {
            let before = row.envelopeRecipients
            row.redactEnvelopeRecipients()
            if row.envelopeRecipients != before { try row.update(db, columns: ["envelopeRecipients"]) }
        }
        return true
    }

    /// Labels a decision as a false positive for later tuning, with an audit event.
    public func markFalsePositive(decisionID: String, actor: String, reason: String, at date: Date = Date()) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE decision SET falsePositive = 1 WHERE decisionID = ?", arguments: [decisionID])
            guard db.changesCount == 1 else { throw StoreError.unknownDecision(decisionID) }
            var event = ReviewEventRow(
                decisionID: decisionID, occurredAt: date, actor: actor, kind: ReviewEvent.Kind.falsePositive.rawValue,
                reason: reason, detail: nil)
            try event.insert(db)
        }
    }

    /// The raw message for a person to read. The access is recorded in the audit trail
    /// in the same transaction, before the content is handed over.
    public func rawMessageForViewing(decisionID: String, viewer: String, reason: String?, at date: Date = Date()) async throws -> [UInt8] {
        try await pool.write { db in
            let content = try Self.storedContent(db, decisionID: decisionID)
            var event = ReviewEventRow(
                decisionID: decisionID, occurredAt: date, actor: viewer, kind: ReviewEvent.Kind.viewedRaw.rawValue,
                reason: reason, detail: nil)
            try event.insert(db)
            return content
        }
    }

    /// The raw message for reinjection under a claim (the release event audits it).
    public func rawMessage(for claim: QuarantineClaim) async throws -> [UInt8] {
        try await pool.read { db in try Self.storedContent(db, decisionID: claim.decisionID) }
    }

    static func storedContent(_ db: Database, decisionID requested: String) throws -> [UInt8] {
        let decisionID = try copyOwner(db, decisionID: requested)
        guard let row = try QuarantineRow.fetchOne(db, key: decisionID) else {
            throw StoreError.notQuarantined(decisionID)
        }
        guard let content = row.content else { throw StoreError.contentExpired(decisionID) }
        let bytes = try MessageCompression.decompress([UInt8](content), originalSize: row.contentBytes)
        guard MessageCompression.checksum(bytes) == row.contentCRC32 else {
            throw StoreError.contentCorrupt(decisionID: decisionID)
        }
        return bytes
    }
}
