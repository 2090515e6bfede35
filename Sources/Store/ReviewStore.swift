import Foundation

/// What the review tools (CLI, workflow, a future web UI) need from the store: read
/// decisions and the audit trail, claim and finish reviews, read copies (audited),
/// summarise and purge. `AppDatabase` is the SQLite implementation; a shared backend
/// for several mail hosts would be a second one.
public protocol ReviewStore: Sendable {
    func decisions(matching filter: DecisionFilter) async throws -> [StoredDecision]
    func decision(id: String) async throws -> StoredDecision?
    func reviewEvents(decisionID: String) async throws -> [ReviewEvent]
    func summary(since: Date, topSenderCount: Int) async throws -> DecisionSummary
    func purge(policy: RetentionPolicy, now: Date, actor: String, dryRun: Bool) async throws -> PurgeResult

    /// Moves a held message to `releasing`; exactly one concurrent caller wins.
    func claim(decisionID: String, for operation: ReviewOperation) async throws -> QuarantineClaim
    /// Records a claim's outcome and its audit event together; failures return it to `held`.
    func finish(_ claim: QuarantineClaim, outcome: ReviewEvent.Kind, actor: String, reason: String, detail: String?, at date: Date) async throws
    /// Deletes a held message and its stored copy at once, with an audit event.
    func deleteHeld(decisionID: String, actor: String, reason: String, at date: Date) async throws
    /// Settles a review that stopped half way: `releasing` → `released` when the caller
    /// found the release delivered, else → `held`; `deleting` → `deleted`.
    func recoverClaim(
        decisionID: String, releaseWasDelivered: Bool, actor: String, reason: String, detail: String?, at date: Date) async throws
    func markFalsePositive(decisionID: String, actor: String, reason: String, at date: Date) async throws
    /// The raw message for a person to read; the access is audited first.
    func rawMessageForViewing(decisionID: String, viewer: String, reason: String?, at date: Date) async throws -> [UInt8]
    /// The raw message for reinjection under a claim.
    func rawMessage(for claim: QuarantineClaim) async throws -> [UInt8]
}

extension AppDatabase: ReviewStore {}
