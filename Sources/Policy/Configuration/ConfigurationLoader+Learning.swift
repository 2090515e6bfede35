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
                throw YAMLField(node: keyNode, keyPath: path, source: field.source).error(
                    "'\(rule)' is not a rule name: write the section and the rule, as decisions list them, e.g. 8.pupil-name-outside")
            }
            guard shadow[rule] == nil else {
                throw YAMLField(node: keyNode, keyPath: path, source: field.source).error("rule '\(rule)' is given twice")
            }
            shadow[rule] = try YAMLField(node: valueNode, keyPath: path, source: field.source).choice(Action.self)
        }
    }

    /// A rule name as decisions record it: a section number, a dot, and a lower-case
    /// hyphenated name (`8.sensitive-to-partner`, `7.2.executable-outside`).
    static func isRuleName(_ text: String) -> Bool {
        guard let first = text.first, first.isNumber, let dot = text.lastIndex(of: ".") else { return false }
        let section = text[..<dot], name = text[text.index(after: dot)...]
        return !name.isEmpty && section.allSatisfy { $0.isNumber || $0 == "." }
            && name.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" }
    }
}
