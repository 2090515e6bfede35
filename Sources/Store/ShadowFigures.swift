import Foundation

/// The rules running in shadow over one period, beside their live results: per rule,
/// how often it fired with each shadow and live action, and per message, how many would
/// have had another action had the shadow rules acted.
public struct ShadowFigures: Codable, Hashable, Sendable {
    /// One shadow rule's firings with one pair of actions.
    public struct RuleCount: Codable, Hashable, Sendable {
        public var rule: String
        public var shadowAction: String
        public var liveAction: String
        public var count: Int

        public init(rule: String, shadowAction: String, liveAction: String, count: Int) {
            self.rule = rule
            self.shadowAction = shadowAction
            self.liveAction = liveAction
            self.count = count
        }
    }

    /// Messages that got `liveAction` and would have got `shadowAction`.
    public struct MessageCount: Codable, Hashable, Sendable {
        public var liveAction: String
        public var shadowAction: String
        public var count: Int

        public init(liveAction: String, shadowAction: String, count: Int) {
            self.liveAction = liveAction
            self.shadowAction = shadowAction
            self.count = count
        }
    }

    /// By rule, then shadow action, then live action.
    public var rules: [RuleCount]
    /// By live action, then shadow action.
    public var messages: [MessageCount]

    public init(rules: [RuleCount], messages: [MessageCount]) {
        self.rules = rules
        self.messages = messages
    }
}
