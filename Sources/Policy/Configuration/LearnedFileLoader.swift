import ChaperoneModel
import Yams

/// Reads `learned.yaml`, the include file of accepted suggestions, into
/// `Configuration.LearnedChanges`, checking every entry with line-accurate errors as
/// the main file is checked. Pure: the caller reads the file.
///
///     accepted:
///       - suggestion: partner:carers-trust.example
///         accepted_by: alice (uid 1001)
///         accepted_at: 2026-12-01T09:30:00Z
///         evidence: 12 holds released (12 as false positive), none confirmed
///         partner_domain: carers-trust.example
///       - suggestion: tag:8.pupil-name-outside
///         rule: 8.pupil-name-outside
///         action: tag
///       - suggestion: ignore-term:statement
///         ignore_special_category_term: statement
///       - suggestion: context:R383432125004
///         context_required_pupil: R383432125004
public enum LearnedFileLoader {
    /// The keys an accepted entry may have; exactly one change (a partner domain, a rule
    /// with its action, a term, a pupil) per entry.
    static let entryKeys = [
        "suggestion", "accepted_by", "accepted_at", "evidence",
        "partner_domain", "rule", "action", "ignore_special_category_term", "context_required_pupil",
    ]

    /// Parses `yaml` (the text of `source`); an empty file has no changes.
    public static func load(yaml: String, source: String) throws(ConfigurationError) -> Configuration.LearnedChanges {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ConfigurationError(source: source, line: 0, column: 0, keyPath: "", message: "not valid YAML: \(error)")
        }
        var changes = Configuration.LearnedChanges()
        guard let root else { return changes }
        try YAMLField(node: root, keyPath: "", source: source).mapping(known: ["accepted"]) { (_, list) throws(ConfigurationError) in
            if list.isNull { return }
            guard case .sequence(let entries) = list.node else {
                throw list.error("expected a list of accepted suggestions, each starting '- suggestion: ...'")
            }
            for (index, node) in entries.enumerated() {
                try readEntry(YAMLField(node: node, keyPath: "accepted[\(index)]", source: source), into: &changes)
            }
        }
        return changes
    }

    private static func readEntry(_ entry: YAMLField, into changes: inout Configuration.LearnedChanges) throws(ConfigurationError) {
        var suggestion: String?, rule: String?, action: Action?
        var changeCount = 0
        try entry.mapping(known: entryKeys) { (key, value) throws(ConfigurationError) in
            switch key {
            case "suggestion": suggestion = try value.string()
            case "partner_domain":
                let domain = try value.string().lowercased()
                guard !domain.isEmpty, !domain.contains("@"), !domain.contains(" ") else {
                    throw value.error("'\(domain)' is not a domain name: write the part after the @, e.g. carers-trust.org.uk")
                }
                changes.partnerDomains.append(domain)
                changeCount += 1
            case "rule":
                let name = try value.string()
                guard ConfigurationLoader.isRuleName(name) else { throw value.error(ConfigurationLoader.unknownRule(name)) }
                guard !PolicyEngine.isProtectedFromLearning(name) else {
                    throw value.error("rule '\(name)' protects pupils from contact (§3, §4) or a court order and cannot be relaxed by a learned change: remove this entry, and change actions: in the main configuration if the school decides to")
                }
                rule = name
                changeCount += 1
            case "action": action = try value.choice(Action.self)
            case "ignore_special_category_term":
                let term = try value.string().lowercased()
                guard !term.isEmpty else { throw value.error("the term is empty: write the special-category term to ignore") }
                changes.ignoredSpecialCategoryTerms.append(term)
                changeCount += 1
            case "context_required_pupil":
                let pupil = try value.string()
                guard !pupil.isEmpty else { throw value.error("the pupil key is empty: write the roster key (the UPN) of the pupil") }
                changes.contextRequiredPupils.append(pupil)
                changeCount += 1
            default: break
            }
        }
        guard let suggestion, !suggestion.isEmpty else {
            throw entry.error("this entry has no 'suggestion:' id: each accepted entry names the suggestion it came from")
        }
        guard changeCount == 1 else {
            throw entry.error("entry '\(suggestion)' must make exactly one change: one of partner_domain, rule (with action), ignore_special_category_term, context_required_pupil")
        }
        if let rule {
            guard let action else { throw entry.error("entry '\(suggestion)' names rule '\(rule)' without an action: add action: tag (or accept, quarantine, reject)") }
            changes.ruleActions[rule] = action
        } else if action != nil {
            throw entry.error("entry '\(suggestion)' has an action but no rule: add rule: NAME, or remove the action")
        }
        changes.acceptedSuggestions.append(suggestion)
    }
}
