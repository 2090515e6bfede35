import Foundation

/// The outcome of scanning one message: what was found, which policy sections it
/// breaches, what to do, and why in plain English. Contains no raw pupil data.
///
/// `sections` are the sections *breached*: those of the rules that held or refused the
/// message. A rule that only tagged it (sensitive data to a partner, delivered and
/// marked) or rewrote its headers breaches none; it is named in `rules`, and its section
/// in `governingSections`, which list every rule that acted, whatever its action.
public struct ScanReport: Codable, Hashable, Sendable {
    /// A unique id for this decision (printed in replies, headers and explanations).
    public var decisionID: String
    public var messageID: String?
    public var action: Action
    /// The sections breached, sorted: those of every rule that held or refused the
    /// message. Empty when it was delivered, even tagged.
    public var sections: [Section]
    /// The stable names of every rule that acted on the message (held, refused, tagged
    /// it, or rewrote its headers), e.g. `8.sensitive-to-partner`, sorted.
    public var rules: [String]
    /// The sections governing `rules`, sorted: a superset of `sections`.
    public var governingSections: [Section]
    public var findings: [Finding]
    public var recipients: [Recipient]
    /// Plain-English paragraph(s) for the sender; empty when accepted with nothing to say.
    public var explanation: String
    /// Limits hit, repairs made, parts that could not be decoded.
    public var problems: [ScanProblem]
    /// Size of the raw message in bytes.
    public var sizeBytes: Int
    /// Wall-clock time the scan took, in seconds.
    public var scanSeconds: Double
    /// True when the message says it was generated automatically (no notice is sent
    /// in reply to such mail).
    public var isAutoSubmitted: Bool
    /// Who sent it (pupil, staff, system, outside), why, and the rules applied.
    public var sender: SenderIdentity
    /// True when a rule asks for the Designated Safeguarding Lead to be alerted whatever
    /// `notifications.alert_sections` says (pupil data sent to a restricted contact).
    public var alertsSafeguardingLead: Bool
    /// The To/Cc rewrite the milter applies (the Bcc mistake fixed on the way out);
    /// nil when the headers go out as they came.
    public var headerRewrite: HeaderRewrite?
    /// Every body and attachment and what the scan did with it; empty when the message
    /// was not read (out of scope) or the decision predates part lists.
    public var parts: [MessagePart]
    /// The name of the school the message was judged as coming from (`school.name`, or
    /// the chosen entry of `schools:`); nil for a report made outside any school.
    public var school: String?
    /// The chosen school's `id` under `schools:`; nil in the single-school form.
    public var schoolID: String?
    /// What the rules running in shadow would have done; nil when none fired.
    public var shadow: ShadowOutcome?

    public init(
        decisionID: String = ScanReport.newDecisionID(),
        messageID: String? = nil,
        action: Action,
        sections: [Section] = [],
        rules: [String] = [],
        governingSections: [Section]? = nil,
        findings: [Finding] = [],
        recipients: [Recipient] = [],
        explanation: String = "",
        problems: [ScanProblem] = [],
        sizeBytes: Int = 0,
        scanSeconds: Double = 0,
        isAutoSubmitted: Bool = false,
        sender: SenderIdentity = .unknown,
        alertsSafeguardingLead: Bool = false,
        headerRewrite: HeaderRewrite? = nil,
        parts: [MessagePart] = []
    ) {
        self.decisionID = decisionID
        self.messageID = messageID
        self.action = action
        self.sections = sections
        self.rules = rules
        self.governingSections = governingSections ?? sections
        self.findings = findings
        self.recipients = recipients
        self.explanation = explanation
        self.problems = problems
        self.sizeBytes = sizeBytes
        self.scanSeconds = scanSeconds
        self.isAutoSubmitted = isAutoSubmitted
        self.sender = sender
        self.alertsSafeguardingLead = alertsSafeguardingLead
        self.headerRewrite = headerRewrite
        self.parts = parts
    }

    /// A short, unique, URL-safe decision id such as `CH-20261124-7Q3K9X2M`: the UTC date
    /// and eight random characters from an alphabet without look-alikes (no I, O, 0, 1).
    /// Made for every message, so it avoids building a date formatter each time.
    public static func newDecisionID(now: Date = Date()) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        let suffix = String((0..<8).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        let (year, month, day) = civilDate(daysSinceEpoch: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
        let stamp = String(year) + (month < 10 ? "0" : "") + String(month) + (day < 10 ? "0" : "") + String(day)
        return "CH-\(stamp)-\(suffix)"
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
    /// days-to-civil algorithm).
    static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `governing_sections` in snake case, as in `scan --json` and the tag header.
    private enum CodingKeys: String, CodingKey {
        case decisionID, messageID, action, sections, rules
        case governingSections = "governing_sections"
        case findings, recipients, explanation, problems, sizeBytes, scanSeconds, isAutoSubmitted, sender
        case alertsSafeguardingLead, headerRewrite, parts, school, schoolID, shadow
    }

}
