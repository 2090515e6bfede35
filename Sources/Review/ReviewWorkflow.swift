import Foundation
import Notify
import Store

/// Release, delete and false-positive for quarantined messages. Each operation first
/// claims the message in one transaction (`held` → `releasing`/`deleting`), so two
/// reviewers — or two hosts sharing a store — can never both act on it; then acts
/// through Postfix when this host's Postfix still holds it, or by reinjecting the
/// stored copy; then records the outcome and the audit event together.
public struct ReviewWorkflow: Sendable {
    public let database: any ReviewStore
    public let postfix: any PostfixQueue
    /// Where stored copies are reinjected (`release.reinjectListener`, milter-free).
    public let reinjector: any MailSubmitter

    public init(database: any ReviewStore, postfix: any PostfixQueue, reinjector: any MailSubmitter) {
        self.database = database
        self.postfix = postfix
        self.reinjector = reinjector
    }

    /// Delivers a held message to its original recipients, exactly once.
    @discardableResult
    public func release(decisionID: String, reviewer: String, reason: String) async throws -> ReleaseMethod {
        let claim = try await database.claim(decisionID: decisionID, for: .release)
        let method: ReleaseMethod
        do {
            method = try await deliver(claim)
        } catch {
            try? await database.finish(
                claim, outcome: .releaseFailed, actor: reviewer, reason: reason, detail: "\(error)", at: Date())
            throw error
        }
        do {
            try await database.finish(
                claim, outcome: method.eventKind, actor: reviewer, reason: reason, detail: claim.queueID, at: Date())
        } catch {
            throw ReviewError.doneButNotRecorded(decisionID: decisionID, operation: "released", error: "\(error)")
        }
        return method
    }

    /// Deletes a held message from Postfix's hold queue (when it is there) and marks it deleted.
    public func delete(decisionID: String, reviewer: String, reason: String) async throws {
        let claim = try await database.claim(decisionID: decisionID, for: .delete)
        do {
            if let queueID = claim.queueID, try await postfix.holds(queueID) {
                try await postfix.delete(queueID)
            }
        } catch {
            try? await database.finish(
                claim, outcome: .deleteFailed, actor: reviewer, reason: reason, detail: "\(error)", at: Date())
            throw error
        }
        do {
            try await database.finish(
                claim, outcome: .deleted, actor: reviewer, reason: reason, detail: claim.queueID, at: Date())
        } catch {
            throw ReviewError.doneButNotRecorded(decisionID: decisionID, operation: "deleted", error: "\(error)")
        }
    }

    /// Labels the decision a false positive and, when the message is still held,
    /// releases it. Returns how it was released, or nil when it was not held.
    @discardableResult
    public func markFalsePositive(decisionID: String, reviewer: String, reason: String) async throws -> ReleaseMethod? {
        try await database.markFalsePositive(decisionID: decisionID, actor: reviewer, reason: reason, at: Date())
        guard try await database.decision(id: decisionID)?.quarantine?.state == .held else { return nil }
        do {
            return try await release(decisionID: decisionID, reviewer: reviewer, reason: "false positive: " + reason)
        } catch StoreError.wrongState {
            return nil  // another reviewer released or deleted it meanwhile
        }
    }

    /// Recovers a review that stopped half way (the CLI was killed between claiming a
    /// message and recording the outcome). Only when Postfix still holds the message is
    /// it certain that nothing happened, and only then is it put back to `held`, ready
    /// to be released or deleted again; otherwise it is left alone and the error says
    /// what to check.
    public func recover(decisionID: String, reviewer: String, reason: String) async throws {
        guard let quarantine = try await database.decision(id: decisionID)?.quarantine else {
            throw StoreError.notQuarantined(decisionID)
        }
        guard quarantine.state == .releasing || quarantine.state == .deleting else {
            throw StoreError.wrongState(decisionID: decisionID, state: quarantine.state, expected: .releasing)
        }
        guard let queueID = quarantine.queueID, try await postfix.holds(queueID) else {
            throw ReviewError.cannotRecover(decisionID: decisionID, queueID: quarantine.queueID)
        }
        try await database.recoverClaim(decisionID: decisionID, actor: reviewer, reason: reason, at: Date())
    }

    private func deliver(_ claim: QuarantineClaim) async throws -> ReleaseMethod {
        if let queueID = claim.queueID, try await postfix.holds(queueID) {
            try await postfix.release(queueID)
            return .postfixHoldQueue
        }
        guard claim.hasStoredCopy else { throw ReviewError.nothingToRelease(decisionID: claim.decisionID) }
        let raw = try await database.rawMessage(for: claim)
        try await reinjector.submit(
            OutgoingMessage(envelopeSender: claim.envelope.sender, recipients: claim.envelope.recipients, data: raw))
        return .reinjection
    }
}
