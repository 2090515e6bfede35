import Foundation

/// One entry of the audit trail: who did what to which decision, when and why.
public struct ReviewEvent: Codable, Hashable, Sendable {
    /// What happened.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// The raw message was printed (`quarantine show --raw`).
        case viewedRaw = "viewed-raw"
        /// Released through Postfix's hold queue (`postsuper -H`) by an older version.
        case releasedFromHold = "released-from-hold"
        /// Released by reinjecting the stored copy.
        case releasedByReinjection = "released-by-reinjection"
        /// A release was attempted and failed; the message is still held.
        case releaseFailed = "release-failed"
        case deleted
        /// A delete was attempted and failed (older versions); the message is still held.
        case deleteFailed = "delete-failed"
        /// The decision was labelled a false positive.
        case falsePositive = "false-positive"
        /// Retention removed stored copies and old decision rows.
        case purged
        /// A release that stopped half way, with no sign it was delivered, was put back to held.
        case claimRecovered = "claim-recovered"
        /// The sender asked, from their notice's link, for the message to be released.
        case releaseRequested = "release-requested"
        /// A self-service link was refused (tampered, expired, used, or another decision's).
        case selfServiceRefused = "self-service-refused"
        case note
    }

    /// The decision concerned; nil for store-wide events such as a purge.
    public var decisionID: String?
    public var occurredAt: Date
    public var actor: String
    public var kind: Kind
    public var reason: String?
    public var detail: String?

    public init(decisionID: String?, occurredAt: Date, actor: String, kind: Kind, reason: String?, detail: String?) {
        self.decisionID = decisionID
        self.occurredAt = occurredAt
        self.actor = actor
        self.kind = kind
        self.reason = reason
        self.detail = detail
    }
}
