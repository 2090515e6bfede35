import ChaperoneModel

extension ConfigurationLoader {
    /// `learning:`: the learned include file and the thresholds of `chaperone suggest`.
    static func readLearning(_ field: YAMLField, into learning: inout Configuration.Learning) throws(ConfigurationError) {
        let keys = ["learned_file", "review_days", "minimum_reviews", "maximum_precision", "partner_releases"]
        try field.mapping(known: keys) { (key, value) throws(ConfigurationError) in
            switch key {
            case "learned_file": learning.learnedFile = try value.optionalString()
            case "review_days": learning.reviewDays = try value.int(in: 1...3650)
            case "minimum_reviews": learning.minimumReviews = try value.int(in: 1...100_000)
            case "maximum_precision": learning.maximumPrecision = try value.double(in: 0...1)
            case "partner_releases": learning.partnerReleases = try value.int(in: 1...100_000)
            default: break
            }
        }
    }

    /// `shadow:`: a mapping of rule names (`8.pupil-name-outside`) to the action each
    /// would take; the message keeps the rule's live action.
    static func readShadow(_ field: YAMLField, into shadow: inout [String: Action]) throws(ConfigurationError) {
        if field.isNull { return }
        guard case .mapping(let mapping) = field.node else {
            throw field.error("expected rule: action lines, e.g. 8.pupil-name-outside: quarantine")
        }
        for (keyNode, valueNode) in mapping {
            let rule = keyNode.string ?? ""
            let path = field.keyPath.isEmpty ? rule : "\(field.keyPath).\(rule)"
            guard isRuleName(rule) else {
                throw YAMLField(node: keyNode, keyPath: path, source: field.source).error(unknownRule(rule))
            }
            guard shadow[rule] == nil else {
                throw YAMLField(node: keyNode, keyPath: path, source: field.source).error("rule '\(rule)' is given twice")
            }
            shadow[rule] = try YAMLField(node: valueNode, keyPath: path, source: field.source).choice(Action.self)
        }
    }

    /// A rule the policy can fire, named as decisions record it (`8.sensitive-to-partner`).
    static func isRuleName(_ text: String) -> Bool {
        PolicyEngine.ruleNames.contains(text)
    }

    /// The error for a name that is no rule, listing the rules.
    static func unknownRule(_ text: String) -> String {
        "'\(text)' is not a rule: write a rule as decisions list it, one of \(PolicyEngine.ruleNames.sorted().joined(separator: ", "))"
    }
}
