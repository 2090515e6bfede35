extension Configuration {
    /// Sender self-service (`self_service:`): what the sender of a held message may do
    /// from the link in their notice, per rule, and how long the link lives.
    public struct SelfService: Codable, Hashable, Sendable {
        /// How long a notice's link works, in hours after the decision.
        public var tokenHours: Int = 72
        /// The longest justification a sender may give (characters); a longer one is
        /// refused with the limit named.
        public var maxJustificationCharacters: Int = 2_000
        /// What the sender may do, by rule (the `actions:` keys, e.g.
        /// `pupil_name_outside`): every rule of `ruleKeys`, `none` unless set.
        public var rules: [String: SelfServicePermission] = Dictionary(uniqueKeysWithValues: ruleKeys.map { ($0, .none) })
        public init() {}

        /// The rules self-service is set for: the keys of `actions:`.
        public static let ruleKeys = [
            "social_contact", "social_media", "images", "internet_use", "unacceptable_use", "confidentiality",
            "partner_sensitive", "pupil_name_outside", "unscannable_outside", "without_parental_responsibility",
        ]

        /// The rules (by `actions:` key) that are never self-releasable whatever the
        /// configuration says: §3 and §4, social contact with pupils.
        public static let neverSelfServed: [String] = ["social_contact", "social_media"]

        /// The permission configured for a rule key (`none` when not listed).
        public func permission(forRuleKey key: String) -> SelfServicePermission {
            Self.neverSelfServed.contains(key) ? .none : rules[key] ?? .none
        }
    }
}

/// What the sender of a held message may do from the notice's link: nothing, ask a
/// reviewer to release it, or release it themselves. Ordered: `release` allows a request.
public enum SelfServicePermission: String, Codable, CaseIterable, Hashable, Sendable, Comparable {
    case none
    case request
    case release

    private var rank: Int {
        switch self {
        case .none: 0
        case .request: 1
        case .release: 2
        }
    }

    public static func < (lhs: SelfServicePermission, rhs: SelfServicePermission) -> Bool { lhs.rank < rhs.rank }
}
