/// A decision read back from the store, with its review label and, when the message
/// was quarantined, the quarantine's status.
public struct StoredDecision: Codable, Hashable, Sendable {
    public var record: DecisionRecord
    /// Set by a reviewer so that policy can be tuned later.
    public var falsePositive: Bool
    /// Present when the message was quarantined.
    public var quarantine: QuarantineStatus?

    public init(record: DecisionRecord, falsePositive: Bool, quarantine: QuarantineStatus?) {
        self.record = record
        self.falsePositive = falsePositive
        self.quarantine = quarantine
    }

    public var decisionID: String { record.report.decisionID }
}
