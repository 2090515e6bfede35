import ChaperoneModel
import Foundation
import Store

/// One decision in full for `quarantine show`: envelope, recipients and their
/// classes, findings (redacted), problems, the explanation sent to the sender, and the
/// audit trail.
public struct DecisionDetail: Codable, Hashable, Sendable {
    public var decision: StoredDecision
    public var events: [ReviewEvent]
    /// The explanation as the sender would read it (plain text).
    public var explanationNotice: String

    public init(decision: StoredDecision, events: [ReviewEvent], explanationNotice: String) {
        self.decision = decision
        self.events = events
        self.explanationNotice = explanationNotice
    }
}
