import Foundation

/// What the store knows about one quarantined message, without its content.
public struct QuarantineStatus: Codable, Hashable, Sendable {
    public var state: QuarantineState
    /// The Postfix queue id the message arrived under (for the mail log; Postfix discards it).
    public var queueID: String?
    /// Size of the raw message in bytes.
    public var sizeBytes: Int
    /// False once retention has removed the stored copy.
    public var hasStoredCopy: Bool
    /// Who last released, deleted or otherwise reviewed it.
    public var reviewer: String?
    public var reviewedAt: Date?
    public var reason: String?

    public init(
        state: QuarantineState, queueID: String?, sizeBytes: Int, hasStoredCopy: Bool,
        reviewer: String? = nil, reviewedAt: Date? = nil, reason: String? = nil
    ) {
        self.state = state
        self.queueID = queueID
        self.sizeBytes = sizeBytes
        self.hasStoredCopy = hasStoredCopy
        self.reviewer = reviewer
        self.reviewedAt = reviewedAt
        self.reason = reason
    }
}
