import ChaperoneModel
import Foundation

/// What `chaperone simulate` found: every stored decision since a date decided again
/// under a proposed configuration, and per rule which messages would newly be held
/// (delivered before, held or refused now) or newly released (the reverse).
public struct SimulationReport: Codable, Hashable, Sendable {
    /// How a decision was decided again.
    public enum Basis: String, Codable, Hashable, Sendable {
        /// Its quarantined copy, still within retention, was scanned again in full.
        case storedCopy = "stored-copy"
        /// Its recorded findings and recipients went through the policy again: exact for
        /// policy changes (actions, partners, learned changes); changes to what the
        /// detectors find need the copy (`ScanPipeline.redecide`).
        case recordedFindings = "recorded-findings"
    }

    /// One decision whose action would change.
    public struct Change: Codable, Hashable, Sendable {
        public var decisionID: String
        public var basis: Basis
        public var before: Action
        public var after: Action
        public var rulesBefore: [String]
        public var rulesAfter: [String]
        public var sectionsAfter: [String]

        public init(decisionID: String, basis: Basis, before: Action, after: Action, rulesBefore: [String], rulesAfter: [String],
                    sectionsAfter: [String]) {
            self.decisionID = decisionID
            self.basis = basis
            self.before = before
            self.after = after
            self.rulesBefore = rulesBefore
            self.rulesAfter = rulesAfter
            self.sectionsAfter = sectionsAfter
        }

        /// Delivered before (accept or tag), held or refused now.
        public var isNewlyHeld: Bool { before <= .tag && after >= .quarantine }
        /// Held or refused before, delivered now.
        public var isNewlyReleased: Bool { before >= .quarantine && after <= .tag }
    }

    /// One rule's share of the changes: the messages it would newly hold, and those it
    /// held that would now be delivered.
    public struct RuleChange: Codable, Hashable, Sendable {
        public var rule: String
        /// The policy section the rule belongs to (`8`, `7.2`).
        public var section: String
        public var newlyHeld: [String]
        public var newlyReleased: [String]

        public init(rule: String, section: String, newlyHeld: [String] = [], newlyReleased: [String] = []) {
            self.rule = rule
            self.section = section
            self.newlyHeld = newlyHeld
            self.newlyReleased = newlyReleased
        }
    }

    /// A decision that could not be decided again, and why.
    public struct Failure: Codable, Hashable, Sendable {
        public var decisionID: String
        public var reason: String

        public init(decisionID: String, reason: String) {
            self.decisionID = decisionID
            self.reason = reason
        }
    }

    public var since: Date
    /// Decisions decided again from their stored copy.
    public var replayedCopies: Int = 0
    /// Decisions decided again from their recorded findings.
    public var redecidedFromFindings: Int = 0
    /// Every decision whose action would change, by decision id.
    public var changes: [Change] = []
    public var failures: [Failure] = []

    public init(since: Date) {
        self.since = since
    }

    /// Per rule, by section then rule: newly held messages are counted under the rules
    /// that hold them now (those new to the decision, else all), newly released ones
    /// under the rules that held them.
    public var rules: [RuleChange] {
        var byRule: [String: RuleChange] = [:]
        func add(_ rules: [String], _ id: String, held: Bool) {
            for rule in rules {
                var entry = byRule[rule] ?? RuleChange(rule: rule, section: Self.section(ofRule: rule))
                if held { entry.newlyHeld.append(id) } else { entry.newlyReleased.append(id) }
                byRule[rule] = entry
            }
        }
        for change in changes.sorted(by: { $0.decisionID < $1.decisionID }) {
            if change.isNewlyHeld {
                let new = change.rulesAfter.filter { !change.rulesBefore.contains($0) }
                add(new.isEmpty ? change.rulesAfter : new, change.decisionID, held: true)
            } else if change.isNewlyReleased {
                let gone = change.rulesBefore.filter { !change.rulesAfter.contains($0) }
                add(gone.isEmpty ? change.rulesBefore : gone, change.decisionID, held: false)
            }
        }
        return byRule.values.sorted { ($0.section, $0.rule) < ($1.section, $1.rule) }
    }

    /// `8.pupil-name-outside` → `8`, `7.2.executable-outside` → `7.2`.
    static func section(ofRule rule: String) -> String {
        guard let dot = rule.lastIndex(of: ".") else { return rule }
        return String(rule[..<dot])
    }
}
