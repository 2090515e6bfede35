extension Configuration {
    /// The Bcc mistake: many families' or organisations' addresses in To and Cc, where
    /// every recipient sees every other (§8).
    public struct ExposedRecipients: Codable, Hashable, Sendable {
        /// Distinct families or organisations outside the school, in To and Cc, that
        /// make the message an exposure. Both parents of one child, siblings' contacts,
        /// and colleagues at one organisation's domain each count once.
        public var threshold: Int = 5
        /// What to do with an exposure.
        public var action: ExposureAction = .rewrite
        /// With `rewrite`, keep the school's own addresses (staff, pupils' school
        /// accounts) visible in To; the others are hidden either way.
        public var keepInternalVisible: Bool = false
        public init() {}
    }

    /// What Chaperone does with a message whose To and Cc expose recipients to each other.
    public enum ExposureAction: String, CaseIterable, Codable, Hashable, Sendable {
        /// Deliver to every envelope recipient with To and Cc replaced by
        /// `undisclosed-recipients:;`, and tell the sender. Breaks a DKIM signature made
        /// before Chaperone (use `hold` behind a signing gateway).
        case rewrite
        /// Quarantine for review under §8.
        case hold
        /// Deliver unchanged, marked with the classification header.
        case tag
        /// Deliver unchanged; the finding is still recorded.
        case accept
    }
}
