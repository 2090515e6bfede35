/// A decision read back from the store, with its review label and, when the message
/// was quarantined, the quarantine's status.
public struct StoredDecision: Codable, Hashable, Sendable {
    public var record: DecisionRecord
    /// Set by a reviewer so that policy can be tuned later.
    public var falsePositive: Bool
    /// Present when the message was quarantined. For a duplicate hold, the status of
    /// the copy it shares.
    public var quarantine: QuarantineStatus?
    /// For a hold of a message already held (a retry after the milter stopped between
    /// commit and reply): the decision that keeps the one copy. Releasing or deleting
    /// either acts on that copy, once.
    public var duplicateOf: String?

    public init(record: DecisionRecord, falsePositive: Bool, quarantine: QuarantineStatus?, duplicateOf: String? = nil) {
        self.record = record
        self.falsePositive = falsePositive
        self.quarantine = quarantine
        self.duplicateOf = duplicateOf
    }

    public var decisionID: String { record.report.decisionID }
}
