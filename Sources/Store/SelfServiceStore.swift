import Foundation

/// What sender self-service needs from the store: the signing key, made on first use and
/// shared by every host of the store; the one action per decision that spends its links;
/// the audit of refused links; and the release requests the reviewers' list marks.
/// `AppDatabase` (SQLite) and `PostgresStore` implement it with the same rules.
public protocol SelfServiceStore: Sendable {
    /// The HMAC key for self-service tokens: `SelfServiceSigner.keyBytes` random bytes,
    /// stored the first time it is asked for; every later call (any host) gets the same.
    func selfServiceKey() async throws -> [UInt8]
    /// What the sender did from the decision's link, nil when nothing yet.
    func selfServiceAction(decisionID: String) async throws -> SelfServiceAction?
    /// Spends the decision's links with `action`; a request is audited
    /// (`release-requested`, the sender as actor and the justification as reason) in
    /// the same transaction. Throws `StoreError.selfServiceSpent` when the decision's
    /// links were spent already (exactly one caller wins).
    func spendSelfService(_ action: SelfServiceAction) async throws
    /// Audits a refused link: on its decision when the token named one that exists,
    /// else store-wide.
    func recordSelfServiceRefusal(decisionID: String?, actor: String, detail: String, at date: Date) async throws
    /// The release requests among `decisionIDs`, by decision id.
    func releaseRequests(among decisionIDs: [String]) async throws -> [String: SelfServiceAction]
}
