extension Configuration {
    /// `learning:`: where the suggestions a person accepted are kept (`learned_file`) and
    /// the thresholds at which `chaperone suggest` proposes a change from reviewed holds.
    public struct Learning: Codable, Hashable, Sendable {
        /// The include file accepted suggestions are written to and loaded from, on top of
        /// the main file; relative to the configuration file's directory. nil: none.
        public var learnedFile: String? = "learned.yaml"
        /// Days of reviewed holds that precision and suggestions look back over.
        public var reviewDays: Int = 90
        /// Reviewed holds a rule, term, pupil or domain needs before anything is suggested.
        public var minimumReviews: Int = 5
        /// Precision (confirmed holds / confirmed and false-positive holds) at or below
        /// which a rule is suggested to tag instead of hold, a term to be ignored, a
        /// pupil's name to need context.
        public var maximumPrecision: Double = 0.1
        /// Holds to one outside domain released (none confirmed beyond
        /// `maximum_precision`) before the domain is suggested as a partner.
        public var partnerReleases: Int = 10
        public init() {}
    }

    /// What the accepted suggestions of `learned.yaml` change, applied on top of the main
    /// file (`applyingLearned(_:)`). Empty when nothing has been accepted.
    public struct LearnedChanges: Codable, Hashable, Sendable {
        /// Outside domains treated as partners, added to `school.partner_domains`.
        public var partnerDomains: [String] = []
        /// Rules whose action is replaced (`8.pupil-name-outside: tag`).
        public var ruleActions: [String: Action] = [:]
        /// Special-category terms the detectors no longer match (lower-cased).
        public var ignoredSpecialCategoryTerms: [String] = []
        /// Roster keys of pupils whose name alone fires no rule: it needs another
        /// reference (an identifier, an address, a date of birth) in the same message.
        public var contextRequiredPupils: [String] = []
        /// The suggestion ids accepted, in the order they were.
        public var acceptedSuggestions: [String] = []

        public init() {}

        public var isEmpty: Bool { acceptedSuggestions.isEmpty }
    }

    /// The configuration with `changes` applied, to this school and to every school of
    /// a `schools:` list.
    public func applyingLearned(_ changes: LearnedChanges) -> Configuration {
        var configuration = self
        configuration.applyLearnedHere(changes)
        for index in configuration.schools.indices {
            configuration.schools[index].configuration.applyLearnedHere(changes)
        }
        return configuration
    }

    private mutating func applyLearnedHere(_ changes: LearnedChanges) {
        learned = changes
        let known = Set(school.partnerDomains.map { $0.lowercased() })
        school.partnerDomains += changes.partnerDomains.filter { !known.contains($0.lowercased()) }
    }

    /// The action `rule` takes under the accepted changes, when one replaces it.
    public func learnedAction(forRule rule: String) -> Action? { learned.ruleActions[rule] }

    /// True when `rule` may act at all: its configured action, a learned replacement or a
    /// shadow action is more than accept. Rules that are off are still evaluated when a
    /// shadow or learned action could make them act.
    public func ruleMayAct(_ rule: String, configured action: Action) -> Bool {
        action > .accept || (learned.ruleActions[rule] ?? .accept) > .accept || (shadow[rule] ?? .accept) > .accept
    }
}
