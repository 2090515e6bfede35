import ChaperoneModel
import Policy
import Store

/// Turns review outcomes into suggestions, under the thresholds of `learning:`. Pure:
/// the same precision figures and configuration give the same suggestions. Nothing
/// already in force is suggested again (a partner already listed, a rule already
/// tagging, a term already ignored, a pupil already needing context), and the rules
/// that protect pupils from contact (§3, §4) or enforce a court order never are.
public struct SuggestionEngine: Sendable {
    public let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The suggestions `precision` supports, partners first, then rules, terms, pupils.
    public func suggestions(from precision: ReviewPrecision) -> [Suggestion] {
        precision.entries(.domain).compactMap(partner)
            + precision.entries(.rule).compactMap(tagRule)
            + precision.entries(.term).compactMap(ignoreTerm)
            + precision.entries(.pupil).compactMap(requireContext)
    }

    var learning: Configuration.Learning { configuration.learning }

    private func partner(_ entry: ReviewPrecision.Entry) -> Suggestion? {
        let releases = entry.falsePositives.count + entry.released.count
        let domain = entry.key
        guard releases >= learning.partnerReleases, confirmedShare(entry) <= learning.maximumPrecision,
              !isListed(domain) else { return nil }
        return Suggestion(
            kind: .partnerDomain, key: domain,
            change: "treat \(domain) as a partner organisation (added to school.partner_domains)",
            reason: "\(releases) held message\(releases == 1 ? " was" : "s were") released to \(domain) (\(entry.falsePositives.count) as false positive); \(entry.confirmed.count) confirmed",
            falsePositives: entry.falsePositives, released: entry.released, confirmed: entry.confirmed)
    }

    private func tagRule(_ entry: ReviewPrecision.Entry) -> Suggestion? {
        let rule = entry.key
        // A rule this version no longer has (recorded by an older one) is not suggested.
        guard PolicyEngine.ruleNames.contains(rule), entry.reviewed >= learning.minimumReviews,
              confirmedShare(entry) <= learning.maximumPrecision, !PolicyEngine.isProtectedFromLearning(rule), (configuration.learned.ruleActions[rule] ?? .quarantine) > .tag
        else { return nil }
        let releases = entry.falsePositives.count + entry.released.count
        return Suggestion(
            kind: .tagRule, key: rule,
            change: "rule \(rule) tags the message and delivers it instead of holding it",
            reason: "\(releases) of \(entry.reviewed) reviewed holds by this rule were released (\(entry.falsePositives.count) as false positive); \(entry.confirmed.count) confirmed",
            falsePositives: entry.falsePositives, released: entry.released, confirmed: entry.confirmed)
    }

    private func ignoreTerm(_ entry: ReviewPrecision.Entry) -> Suggestion? {
        let term = entry.key
        guard let precision = judgedPrecision(entry), precision <= learning.maximumPrecision,
              !configuration.learned.ignoredSpecialCategoryTerms.contains(term) else { return nil }
        return Suggestion(
            kind: .ignoreTerm, key: term,
            change: "the special-category term '\(term)' is no longer matched",
            reason: "\(entry.falsePositives.count) of \(entry.falsePositives.count + entry.confirmed.count) judged holds it caused were false positives",
            falsePositives: entry.falsePositives, released: entry.released, confirmed: entry.confirmed)
    }

    private func requireContext(_ entry: ReviewPrecision.Entry) -> Suggestion? {
        let pupil = entry.key
        guard let precision = judgedPrecision(entry), precision <= learning.maximumPrecision,
              !configuration.learned.contextRequiredPupils.contains(pupil) else { return nil }
        let name = entry.evidence ?? "the pupil's name"
        return Suggestion(
            kind: .requireContext, key: pupil,
            change: "the name \(name) (pupil \(pupil)) counts only with another reference to that pupil (an identifier, an address, a date of birth)",
            reason: "\(entry.falsePositives.count) of \(entry.falsePositives.count + entry.confirmed.count) judged holds naming this pupil were false positives",
            falsePositives: entry.falsePositives, released: entry.released, confirmed: entry.confirmed, evidence: entry.evidence)
    }

    /// Confirmed holds as a share of all reviewed ones.
    private func confirmedShare(_ entry: ReviewPrecision.Entry) -> Double {
        entry.reviewed == 0 ? 1 : Double(entry.confirmed.count) / Double(entry.reviewed)
    }

    /// Precision among the holds judged either way, when there are enough of them.
    private func judgedPrecision(_ entry: ReviewPrecision.Entry) -> Double? {
        guard entry.falsePositives.count + entry.confirmed.count >= learning.minimumReviews else { return nil }
        return entry.precision
    }

    /// A domain already inside, already a partner, or a personal webmail domain.
    private func isListed(_ domain: String) -> Bool {
        let schools = configuration.schoolConfigurations.map(\.configuration)
        let listed = schools.flatMap { $0.school.domains + $0.school.partnerDomains + $0.senders.pupilDomains + $0.school.extraWebmailDomains }
        return listed.contains { $0.lowercased() == domain }
    }
}
