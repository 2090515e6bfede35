import ChaperoneModel
import Foundation

/// The machine-readable form of one scanned message, as `chaperone scan --json`
/// prints it (one object per line).
public struct ScanReportJSON: Codable, Sendable {
    /// One finding as printed.
    public struct FindingJSON: Codable, Sendable {
        public var detector: String
        /// The highest section this finding helped breach, or null when it breached none.
        public var section: String?
        /// The sections this finding helped breach (rules that held or refused the message).
        public var sections: [String]
        /// Every rule this finding made act, a tag included.
        public var rules: [String]
        public var location: String
        public var evidence: String
        public var confidence: Double
        public var pupil: String?
        public var detail: String?

        /// `section` and `pupil` are always present (null when unknown), so every
        /// finding has the same shape.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(detector, forKey: .detector)
            try container.encode(section, forKey: .section)
            try container.encode(sections, forKey: .sections)
            try container.encode(rules, forKey: .rules)
            try container.encode(location, forKey: .location)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(confidence, forKey: .confidence)
            try container.encode(pupil, forKey: .pupil)
            try container.encodeIfPresent(detail, forKey: .detail)
        }
    }

    /// One recipient as printed.
    public struct RecipientJSON: Codable, Sendable {
        public var address: String
        public var `class`: String
        /// The list or alias the address was reached through, when it was expanded.
        public var list: String?
    }

    public var file: String
    public var decision_id: String
    public var message_id: String?
    public var action: String
    /// The sections breached: empty when the message was delivered, even tagged.
    public var sections: [String]
    /// Every rule that acted (held, refused, tagged, or rewrote the headers).
    public var rules: [String]
    /// The sections governing `rules`.
    public var governing_sections: [String]
    public var findings: [FindingJSON]
    public var recipients: [RecipientJSON]
    public var explanation: String
    public var problems: [String]
    public var size_bytes: Int
    public var scan_ms: Double
    /// pupil, staff, system or outside.
    public var sender_role: String
    /// The role with its address, basis, rules applied and reason.
    public var sender: SenderIdentity
    /// False when the message was accepted unread (inbound mail, `scope.inbound: skip`).
    public var scanned: Bool
    /// True when the milter would deliver it with To and Cc replaced by
    /// `undisclosed-recipients:;` (exposed recipients; the count is in the finding).
    public var recipients_rewritten: Bool = false
    /// The name of the school the message was judged as coming from; null for none.
    public var school: String?
    /// The school's id under `schools:`; null in the single-school form.
    public var school_id: String?
    /// What the rules running in shadow would have done; absent when none fired.
    public var shadow: ShadowJSON?

    /// The shadow outcome: the message's action had the shadow rules acted, and each.
    public struct ShadowJSON: Codable, Hashable, Sendable {
        public var action: String
        public var rules: [ShadowRuleJSON]
    }

    /// One shadow rule that fired, with the action it would take and the live one.
    public struct ShadowRuleJSON: Codable, Hashable, Sendable {
        public var rule: String
        public var shadow_action: String
        public var live_action: String
    }

    public init(file: String, report: ScanReport) {
        self.file = file
        self.decision_id = report.decisionID
        self.message_id = report.messageID
        self.action = report.action.rawValue
        self.sections = report.sections.map(\.rawValue)
        self.rules = report.rules
        self.governing_sections = report.governingSections.map(\.rawValue)
        self.findings = report.findings.map {
            FindingJSON(
                detector: $0.detector.rawValue, section: $0.sections.last?.rawValue, sections: $0.sections.map(\.rawValue), rules: $0.rules,
                location: $0.location.description, evidence: $0.evidence,
                confidence: ($0.confidence * 100).rounded() / 100, pupil: $0.pupil, detail: $0.detail
            )
        }
        self.recipients = report.recipients.map { RecipientJSON(address: $0.address, class: $0.recipientClass.rawValue, list: $0.list) }
        self.explanation = report.explanation
        self.problems = report.problems.map(\.description)
        self.size_bytes = report.sizeBytes
        self.scan_ms = (report.scanSeconds * 100_000).rounded() / 100
        self.sender_role = report.sender.role.rawValue
        self.sender = report.sender
        self.scanned = report.sender.scanned
        self.recipients_rewritten = report.recipientsRewritten
        self.school = report.school
        self.school_id = report.schoolID
        self.shadow = report.shadow.map { outcome in
            ShadowJSON(
                action: outcome.action.rawValue,
                rules: outcome.rules.map {
                    ShadowRuleJSON(rule: $0.rule, shadow_action: $0.shadowAction.rawValue, live_action: $0.liveAction.rawValue)
                })
        }
    }

    private enum CodingKeys: String, CodingKey {
        case file, decision_id, message_id, action, sections, rules, governing_sections, findings, recipients, explanation, problems, size_bytes, scan_ms
        case sender_role, sender, scanned, recipients_rewritten, school, school_id, shadow
    }

    /// `message_id`, `school` and `school_id` are always present (null when unknown);
    /// `shadow` only when a shadow rule fired.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(decision_id, forKey: .decision_id)
        try container.encode(message_id, forKey: .message_id)
        try container.encode(action, forKey: .action)
        try container.encode(sections, forKey: .sections)
        try container.encode(rules, forKey: .rules)
        try container.encode(governing_sections, forKey: .governing_sections)
        try container.encode(findings, forKey: .findings)
        try container.encode(recipients, forKey: .recipients)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(problems, forKey: .problems)
        try container.encode(size_bytes, forKey: .size_bytes)
        try container.encode(scan_ms, forKey: .scan_ms)
        try container.encode(sender_role, forKey: .sender_role)
        try container.encode(sender, forKey: .sender)
        try container.encode(scanned, forKey: .scanned)
        try container.encode(recipients_rewritten, forKey: .recipients_rewritten)
        try container.encode(school, forKey: .school)
        try container.encode(school_id, forKey: .school_id)
        try container.encodeIfPresent(shadow, forKey: .shadow)
    }

    /// One line of JSON (keys sorted, no slashes escaped).
    public func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
