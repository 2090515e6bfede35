import ChaperoneModel

/// One policy rule that fired: the section, the action it asks for, which recipients
/// it concerns, and which findings (by index into the decision's findings) caused it.
public struct RuleHit: Codable, Hashable, Sendable {
    /// A stable name for the rule, e.g. `8.sensitive-to-outside`.
    public var rule: String
    public var sections: [Section]
    public var action: Action
    /// Addresses the rule fired for.
    public var recipients: [String]
    /// Indices into the findings array of the decision.
    public var findingIndices: [Int]
    /// Plain English, no pupil data: why the rule fired for these recipients.
    public var reason: String

    public init(rule: String, sections: [Section], action: Action, recipients: [String], findingIndices: [Int], reason: String) {
        self.rule = rule
        self.sections = sections
        self.action = action
        self.recipients = recipients
        self.findingIndices = findingIndices
        self.reason = reason
    }
}
