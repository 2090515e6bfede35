import ChaperoneModel

/// Finds pupils' personal data and risky contact details in a message's extracted
/// content. Built once per roster load (the automaton lives inside it), then shared
/// across threads: `findings(in:)` is pure and its cost depends on the text, not on
/// the number of pupils. Evidence is redacted here, at the point of detection.
public struct DetectionEngine: Sendable {
    var index: RosterIndex
    let settings: DetectionSettings
    /// `limits.max_findings_per_detector`: findings of one detector kept beyond those
    /// the policy needs (see `FindingCap`).
    let maxFindingsPerDetector: Int

    /// Header segments that carry addresses; recipients are Policy's business, and a
    /// parent's display name in `To:` is not content.
    static let addressHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "reply-to", "sender", "return-path", "delivered-to",
        "resent-from", "resent-to", "resent-cc", "resent-bcc", "envelope-to", "x-original-to",
    ]

    public init(roster: Roster, thresholds: Configuration.Thresholds, terms: SpecialCategoryTerms = .default,
                extraWebmailDomains: [String] = [], officialSocialAccounts: [String] = [],
                images: Configuration.Images = .init(),
                maxFindingsPerDetector: Int = Limits().maxFindingsPerDetector) {
        self.init(index: RosterIndex(roster: roster, terms: terms), thresholds: thresholds,
                  extraWebmailDomains: extraWebmailDomains, officialSocialAccounts: officialSocialAccounts,
                  images: images, maxFindingsPerDetector: maxFindingsPerDetector)
    }

    /// As `init(roster:thresholds:…)`, from the two halves of the roster's index built
    /// apart (`NameIndex`, `AddressIndex`: a start-up builds them on two cores).
    public init(roster: Roster, names: NameIndex, addresses: AddressIndex, thresholds: Configuration.Thresholds,
                extraWebmailDomains: [String] = [], officialSocialAccounts: [String] = [],
                images: Configuration.Images = .init(),
                maxFindingsPerDetector: Int = Limits().maxFindingsPerDetector) {
        self.init(index: RosterIndex(roster: roster, names: names.half, addresses: addresses.half), thresholds: thresholds,
                  extraWebmailDomains: extraWebmailDomains, officialSocialAccounts: officialSocialAccounts,
                  images: images, maxFindingsPerDetector: maxFindingsPerDetector)
    }

    private init(index: RosterIndex, thresholds: Configuration.Thresholds, extraWebmailDomains: [String],
                 officialSocialAccounts: [String], images: Configuration.Images, maxFindingsPerDetector: Int) {
        self.index = index
        self.maxFindingsPerDetector = maxFindingsPerDetector
        settings = DetectionSettings(
            thresholds: thresholds,
            webmailDomains: WebmailDomains.builtIn.union(extraWebmailDomains.map { $0.lowercased() }),
            officialSocialAccounts: Set(officialSocialAccounts.map(DetectionSettings.handle(ofAccount:))),
            images: images
        )
    }

    /// The half of a roster's detection index that names, places, terms and identifiers
    /// are found by: most of a start-up's work, built on its own core.
    public struct NameIndex: Sendable {
        let half: RosterIndex.Names
        public init(roster: Roster, terms: SpecialCategoryTerms = .default) {
            half = RosterIndex.Names(roster: roster, terms: terms)
        }
    }

    /// The half of a roster's detection index that links email addresses to pupils.
    public struct AddressIndex: Sendable {
        let half: RosterIndex.Addresses
        public init(roster: Roster) { half = RosterIndex.Addresses(roster: roster) }
    }

    /// Every finding in `content`, in segment order, then attachment and problem findings,
    /// then bulk findings, with identifying file names redacted in their locations.
    public func findings(in content: MessageContent) -> [Finding] {
        detect(in: content).findings
    }

    /// The findings and the content's problems, both with every attachment or member
    /// name that names a pupil redacted (`LocationRedaction`). Findings are bounded by
    /// `FindingCap` as they are made; what it leaves out is counted in `omitted`.
    /// `householdPupils` are the pupils (key nodes of this roster) a lone forename may name in this message: a
    /// parent recipient's children and the pupils who share their surname but are not
    /// theirs (`PolicyEngine.householdPupils(of:sender:)`).
    public func detect(in content: MessageContent, householdPupils: HouseholdPupils = .none) -> Detection {
        var session = self.session(householdPupils: householdPupils)
        for segment in content.segments where !session.scan(segment) { break }
        return session.finish(with: content)
    }

    /// A detection of one message fed segment by segment (`DetectionSession`), for a
    /// caller that streams extraction into detection; `householdPupils` as for `detect(in:householdPupils:)`.
    public func session(householdPupils: HouseholdPupils = .none) -> DetectionSession {
        DetectionSession(engine: self, householdPupils: householdPupils)
    }

    /// Number of roster pupils indexed (for `chaperone roster check` and benchmarks).
    public var pupilCount: Int { index.students.count }

    /// Number of the automaton's trie nodes, the root included (a measure of memory).
    public var automatonStates: Int { index.automaton.stateCount }
}
