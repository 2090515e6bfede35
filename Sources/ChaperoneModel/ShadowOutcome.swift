/// What the rules running in shadow (`shadow:`) would have done to one message: each
/// shadow rule that fired with the action it would take and the one it took live, and
/// the message's action had they all acted. The message itself got the live action.
public struct ShadowOutcome: Codable, Hashable, Sendable {
    /// One shadow rule that fired on the message.
    public struct RuleOutcome: Codable, Hashable, Sendable {
        public var rule: String
        /// The action the rule would take in shadow.
        public var shadowAction: Action
        /// The action it took live (accept when it is off live).
        public var liveAction: Action

        public init(rule: String, shadowAction: Action, liveAction: Action) {
            self.rule = rule
            self.shadowAction = shadowAction
            self.liveAction = liveAction
        }
    }

    /// The message's action had every shadow rule acted.
    public var action: Action
    /// The shadow rules that fired, by rule name.
    public var rules: [RuleOutcome]

    public init(action: Action, rules: [RuleOutcome]) {
        self.action = action
        self.rules = rules
    }
}
