import Foundation
import Notify
import Store

/// Release, delete and false-positive for quarantined messages, on the store alone:
/// the store's copy is the only one (Postfix discarded the message once it was
/// committed), so no step needs root or the local Postfix queue, and any host that can
/// open the store can review.
///
/// A release claims the message in one transaction (`held` → `releasing`), so two
/// reviewers — or two hosts sharing a store — can never both send it; submits the
/// stored copy, with its original envelope and a release header, to the milter-free
/// listener; then records the outcome and the audit event together. A delete is one
/// transaction that removes the copy.
public struct ReviewWorkflow: Sendable {
    public let database: any ReviewStore
    /// Where stored copies are reinjected (`release.reinject_listener`, milter-free).
    public let reinjector: any MailSubmitter
    /// Headers taken out of a released copy: the trace header (`tagging.trace_header`).
    public let removedHeaders: [String]

    public init(database: any ReviewStore, reinjector: any MailSubmitter, removedHeaders: [String]) {
        self.database = database
        self.reinjector = reinjector
        self.removedHeaders = removedHeaders
    }

    /// Delivers a held message to its original recipients, exactly once. A duplicate
    /// hold (the same message held again after a retry) releases the one copy it shares,
    /// under the id of the decision that keeps it.
    public func release(decisionID: String, reviewer: String, reason: String) async throws {
        let claim = try await database.claim(decisionID: decisionID, for: .release)
        do {
            guard claim.hasStoredCopy else { throw ReviewError.nothingToRelease(decisionID: claim.decisionID) }
            let raw = try await database.rawMessage(for: claim)
            let copy = ReleaseHeader.releasedCopy(of: raw, decisionID: claim.decisionID, removing: removedHeaders)
            try await reinjector.submit(
                OutgoingMessage(envelopeSender: claim.envelope.sender, recipients: claim.envelope.recipients, data: copy))
        } catch {
            try? await database.finish(
                claim, outcome: .releaseFailed, actor: reviewer, reason: reason, detail: "\(error)", at: Date())
            throw error
        }
        do {
            try await database.finish(
                claim, outcome: .releasedByReinjection, actor: reviewer, reason: reason, detail: claim.queueID, at: Date())
        } catch {
            throw ReviewError.doneButNotRecorded(decisionID: decisionID, operation: "released", error: "\(error)")
        }
    }

    /// Deletes a held message: its stored copy is removed at once.
    public func delete(decisionID: String, reviewer: String, reason: String) async throws {
        try await database.deleteHeld(decisionID: decisionID, actor: reviewer, reason: reason, at: Date())
    }

    /// Labels the decision a false positive and, when the message is still held,
    /// releases it. Returns true when this call released it.
    @discardableResult
    public func markFalsePositive(decisionID: String, reviewer: String, reason: String) async throws -> Bool {
        try await database.markFalsePositive(decisionID: decisionID, actor: reviewer, reason: reason, at: Date())
        guard try await database.decision(id: decisionID)?.quarantine?.state == .held else { return false }
        do {
            try await release(decisionID: decisionID, reviewer: reviewer, reason: "false positive: " + reason)
            return true
        } catch StoreError.wrongState {
            return false  // another reviewer released or deleted it meanwhile
        }
    }

    /// What `recover` concluded.
    public enum Recovery: Hashable, Sendable {
        /// The release header was in the mail log: it was delivered; now recorded released.
        case recordedReleased(logFile: String)
        /// No sign of it in the mail logs: back to held, to be released or deleted again.
        case heldAgain
        /// A two-step delete left by an older version, finished now.
        case deleted
    }

    /// Settles a review that stopped half way (the reviewer's process was killed after
    /// claiming). A release is recognised as delivered when `mailLogs` (Postfix's log,
    /// rotated ones too, as `(path, contents)`) record its release header; then it is
    /// recorded released, else put back to held.
    public func recover(decisionID: String, mailLogs: [(path: String, contents: Data)], reviewer: String, reason: String) async throws -> Recovery {
        guard let stored = try await database.decision(id: decisionID), let quarantine = stored.quarantine else {
            throw StoreError.notQuarantined(decisionID)
        }
        // A duplicate hold's release went out under the id of the copy it shares.
        let decisionID = stored.duplicateOf ?? decisionID
        switch quarantine.state {
        case .releasing:
            let found = mailLogs.first { ReleaseHeader.isLogged(decisionID: decisionID, in: $0.contents) }
            try await database.recoverClaim(
                decisionID: decisionID, releaseWasDelivered: found != nil, actor: reviewer, reason: reason,
                detail: found.map { "release header found in \($0.path)" }
                    ?? "release header not in \(mailLogs.map(\.path).joined(separator: ", "))",
                at: Date())
            return found.map { .recordedReleased(logFile: $0.path) } ?? .heldAgain
        case .deleting:
            try await database.recoverClaim(
                decisionID: decisionID, releaseWasDelivered: false, actor: reviewer, reason: reason, detail: nil, at: Date())
            return .deleted
        case .held, .released, .deleted, .expired:
            throw StoreError.wrongState(decisionID: decisionID, state: quarantine.state, expected: .releasing)
        }
    }
}
