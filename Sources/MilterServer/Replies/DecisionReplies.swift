import ChaperoneModel
import MilterProtocol

/// Turns a decision into the end-of-message replies Postfix receives: the only place a
/// `ScanReport` becomes SMFIR packets. Pure: the same inputs give the same packets.
struct DecisionReplies {
    var configuration: Configuration
    /// Header values go out verbatim (`SMFIP_HDR_LEADSPC`), so we add the space ourselves.
    var headerLeadingSpace: Bool
    /// The message's first Subject header, as far as it matters for a subject prefix.
    var originalSubject: OriginalSubject
    /// How many To and Cc headers the message arrived with.
    var recipientHeaders = RecipientHeaderCounts()

    /// The Subject header the message arrived with.
    enum OriginalSubject: Hashable, Sendable {
        case absent
        /// Unfolded, without its leading space.
        case text(String)
        /// Present but not valid UTF-8: left alone rather than garbled.
        case unreadable
    }

    /// Replies for a completed scan; sent only after the store has committed the
    /// decision and, for a quarantine, its copy (the caller's duty): DISCARD is safe
    /// because the copy is durable.
    func replies(for report: ScanReport) -> [MilterResponse] {
        switch report.action {
        case .accept:
            return self.recipientRewriteReplies(report) + self.trace(self.traceValue("accept", report)) + [.accept]
        case .tag:
            var replies = self.recipientRewriteReplies(report) + self.trace(self.traceValue("tag", report))
            replies.append(self.header(self.configuration.tagging.header, Self.tagValue(report)))
            replies += self.subjectPrefixReplies()
            return replies + [.accept]
        case .quarantine:
            // The store has the only copy: Postfix keeps none, and nothing in its queue
            // can be released behind the review's back.
            return [.discard]
        case .reject:
            return [.replyCode(self.rejectText(report))]
        }
    }

    /// Replies when no decision could be made: `milter.fail_action`.
    func replies(for failure: FailureReason) -> [MilterResponse] {
        switch self.configuration.milter.failAction {
        case .tempfail:
            let text = SMTPReplyText(code: "451", enhancedCode: "4.7.1")
            return [.replyCode(text.reply(["Chaperone could not check this message: \(failure). Please try again later."]))]
        case .accept:
            return self.trace("unscanned; reason=\(failure.limit ?? "error")") + [.accept]
        case .reject:
            let text = SMTPReplyText(code: "550", enhancedCode: "5.7.1")
            return [.replyCode(text.reply(["Chaperone could not check this message: \(failure). It was not sent."]))]
        }
    }

    private func rejectText(_ report: ScanReport) -> String {
        let text = SMTPReplyText(code: "550", enhancedCode: "5.7.1")
        // A pupil is not told they breached the staff code; their explanation says why.
        let opening = report.sender.role == .pupil
            ? "Not sent: the school's email check kept this message back."
            : "Not sent: this message breaches the school's Online Safety guidance, section(s) \(Self.titles(report.sections))."
        var paragraphs = [opening]
        if !report.explanation.isEmpty { paragraphs.append(report.explanation) }
        paragraphs.append("Decision \(report.decisionID). Ask \(self.configuration.school.itContact) if you think this is wrong.")
        return text.reply(paragraphs, maximumLines: 6)
    }

    private func subjectPrefixReplies() -> [MilterResponse] {
        // Gateway mode: the tenant's DKIM signature covers Subject, so it is never changed.
        guard let prefix = self.configuration.effectiveSubjectPrefix, !prefix.isEmpty else { return [] }
        let encodedPrefix = EncodedWord.encodeIfNeeded(prefix)
        let original: String
        switch self.originalSubject {
        case .absent: return [self.header("Subject", encodedPrefix)]
        case .unreadable: return []
        case .text(let text): original = text
        }
        if original.hasPrefix(prefix) || original.hasPrefix(encodedPrefix) { return [] }
        let value = self.headerLeadingSpace ? " \(encodedPrefix) \(original)" : "\(encodedPrefix) \(original)"
        return [.changeHeader(index: 1, name: "Subject", value: value)]
    }

    private func trace(_ value: String) -> [MilterResponse] {
        guard let name = self.configuration.tagging.traceHeader, !name.isEmpty else { return [] }
        return [self.header(name, value)]
    }

    private func header(_ name: String, _ value: String) -> MilterResponse {
        .addHeader(name: name, value: self.headerLeadingSpace ? " \(value)" : value)
    }

    /// The tag header's value: a tag breaches no section, so it names the rule(s) that
    /// tagged the message and the section(s) governing them, e.g.
    /// `rules=8.sensitive-to-partner; governing_sections=8; id=CH-20261124-7Q3K9X2M`,
    /// followed by `; school=ash-grove` when the configuration lists several schools.
    static func tagValue(_ report: ScanReport) -> String {
        let rules = report.rules.isEmpty ? "none" : report.rules.joined(separator: ", ")
        let school = report.schoolID.map { "; school=\($0)" } ?? ""
        return "rules=\(rules); governing_sections=\(Self.list(report.governingSections)); id=\(report.decisionID)\(school)"
    }

    static func list(_ sections: [Section]) -> String {
        sections.isEmpty ? "none" : sections.map(\.rawValue).joined(separator: ", ")
    }

    static func titles(_ sections: [Section]) -> String {
        sections.isEmpty ? "none" : sections.map { "\($0.rawValue) (\($0.title))" }.joined(separator: ", ")
    }
}
