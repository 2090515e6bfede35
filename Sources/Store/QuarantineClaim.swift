import ChaperoneModel

/// A held message claimed by one reviewer's release or delete: proof that this caller,
/// and no other, may act on it until `AppDatabase.finish(_:outcome:...)`.
public struct QuarantineClaim: Hashable, Sendable {
    public var decisionID: String
    public var operation: ReviewOperation
    /// The original envelope (sender and recipients are reused for reinjection).
    public var envelope: Envelope
    /// The queue id Postfix gave the message when it arrived (for the mail log).
    public var queueID: String?
    public var hasStoredCopy: Bool

    package init(decisionID: String, operation: ReviewOperation, envelope: Envelope, queueID: String?, hasStoredCopy: Bool) {
        self.decisionID = decisionID
        self.operation = operation
        self.envelope = envelope
        self.queueID = queueID
        self.hasStoredCopy = hasStoredCopy
    }
}
