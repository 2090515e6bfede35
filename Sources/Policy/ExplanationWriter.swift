import ChaperoneModel

/// Writes the plain-English explanation a member of staff reads when their message is
/// tagged, held or refused: who it was for, what was found (redacted) and where, the
/// policy section and its rule, and what to do instead. Never any raw pupil data.
struct ExplanationWriter {
    let configuration: Configuration

    func explain(action: Action, hits: [RuleHit], findings: [Finding], recipients: [Recipient]) -> String {
        guard action > .accept, !hits.isEmpty else { return "" }
        var paragraphs: [String] = [opening(action)]
        for hit in hits {
            paragraphs.append(describe(hit, findings: findings, recipients: recipients))
        }
        let sections = Array(Set(hits.flatMap(\.sections))).sorted()
        var advice = sections.map { "- " + configuration.advice(for: $0) }
        if recipients.contains(where: \.isStaffPersonalAddress) {
            advice.append("- Work email should stay in school systems: please don't forward student information to your own personal address.")
        }
        paragraphs.append("What to do instead:\n" + advice.joined(separator: "\n"))
        if action >= .quarantine {
            paragraphs.append("If you believe this is a mistake, ask \(configuration.school.itContact) to review and release it, quoting the decision id.")
        }
        return paragraphs.joined(separator: "\n\n")
    }

    private func opening(_ action: Action) -> String {
        switch action {
        case .accept: ""
        case .tag: "Your message was delivered, marked for secure handling under \(configuration.school.name)'s Online Safety and Social Media Guidance."
        case .quarantine: "Your message has been held and not delivered, because it appears to breach \(configuration.school.name)'s Online Safety and Social Media Guidance."
        case .reject: "Your message was refused, because it appears to breach \(configuration.school.name)'s Online Safety and Social Media Guidance."
        }
    }

    private func describe(_ hit: RuleHit, findings: [Finding], recipients: [Recipient]) -> String {
        let who = RecipientWording.who(hit.recipients, in: recipients)
        let sectionText = hit.sections.map { "Section \($0.rawValue), \($0.title): \($0.rule)" }.joined(separator: " ")
        // A rule about the message as a whole (exposed recipients) names nobody.
        var text = hit.recipients.isEmpty
            ? "\(hit.reason.prefix(1).uppercased())\(hit.reason.dropFirst()). \(sectionText)"
            : "To \(who): \(hit.reason). \(sectionText)"
        let found = hit.findingIndices.compactMap { findings.indices.contains($0) ? findings[$0] : nil }
        let lines = Self.uniqueDescriptions(found)
        if !lines.isEmpty {
            text += "\nFound:\n" + lines.map { "- \($0)" }.joined(separator: "\n")
        }
        return text
    }

    static func uniqueDescriptions(_ findings: [Finding]) -> [String] {
        var seen = Set<String>()
        var lines: [String] = []
        for finding in findings {
            let detail = finding.detail.map { " (\($0))" } ?? ""
            let line = "\(finding.detector.wording)\(detail): \(finding.evidence), \(finding.location.wording)"
            if seen.insert(line).inserted { lines.append(line) }
            if lines.count == 12 {
                lines.append("and \(findings.count - 12) more")
                break
            }
        }
        return lines
    }

    static func classPhrase(_ recipient: Recipient?) -> String {
        guard let recipient else { return "recipient" }
        switch recipient.recipientClass {
        case .student: return recipient.isSchoolAddress ? "a student's school address" : "a student's personal address"
        case .parent: return "a parent or carer"
        case .internal: return "inside the school"
        case .partner: return "a partner organisation"
        case .personal: return recipient.isStaffPersonalAddress ? "your own personal address" : "a personal email address"
        case .external: return "outside the school"
        }
    }
}
