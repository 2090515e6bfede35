import Foundation

/// One configuration change `chaperone suggest` proposes from reviewed holds, with its
/// evidence. Its `id` is derived from what it changes (`partner:carers-trust.example`),
/// so the same evidence gives the same id on every run and on every mail host: nothing
/// about a suggestion is stored until a person accepts it.
public struct Suggestion: Codable, Hashable, Sendable {
    /// What kind of change.
    public enum Kind: String, Codable, CaseIterable, Hashable, Sendable {
        /// Treat an outside domain as a partner organisation (`school.partner_domains`).
        case partnerDomain = "partner"
        /// A rule tags instead of holding.
        case tagRule = "tag"
        /// A special-category term is no longer matched.
        case ignoreTerm = "ignore-term"
        /// A pupil's name counts only with another reference to the same pupil.
        case requireContext = "context"
    }

    public var kind: Kind
    /// The domain, rule, term or pupil roster key the change is about.
    public var key: String
    /// What accepting it changes, in words.
    public var change: String
    /// Why, with the counts.
    public var reason: String
    /// The reviewed holds behind it, by outcome.
    public var falsePositives: [String]
    public var released: [String]
    public var confirmed: [String]
    /// Redacted evidence (a pupil's masked name), when there is some.
    public var evidence: String?

    /// `kind:key`, what `suggest accept` takes.
    public var id: String { "\(kind.rawValue):\(key)" }

    public init(
        kind: Kind, key: String, change: String, reason: String, falsePositives: [String], released: [String],
        confirmed: [String], evidence: String? = nil
    ) {
        self.kind = kind
        self.key = key
        self.change = change
        self.reason = reason
        self.falsePositives = falsePositives
        self.released = released
        self.confirmed = confirmed
        self.evidence = evidence
    }

    /// Every reviewed hold behind it, sorted.
    public var decisionIDs: [String] { (falsePositives + released + confirmed).sorted() }
}
