import Foundation

/// The outcome of scanning one message: what was found, which policy sections it
/// breaches, what to do, and why in plain English. Contains no raw pupil data.
public struct ScanReport: Codable, Hashable, Sendable {
    /// A unique id for this decision (printed in replies, headers and explanations).
    public var decisionID: String
    public var messageID: String?
    public var action: Action
    /// Every section any rule fired for, sorted.
    public var sections: [Section]
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

    public init(
        decisionID: String = ScanReport.newDecisionID(),
        messageID: String? = nil,
        action: Action,
        sections: [Section] = [],
        findings: [Finding] = [],
        recipients: [Recipient] = [],
        explanation: String = "",
        problems: [ScanProblem] = [],
        sizeBytes: Int = 0,
        scanSeconds: Double = 0,
        isAutoSubmitted: Bool = false
    ) {
        self.decisionID = decisionID
        self.messageID = messageID
        self.action = action
        self.sections = sections
        self.findings = findings
        self.recipients = recipients
        self.explanation = explanation
        self.problems = problems
        self.sizeBytes = sizeBytes
        self.scanSeconds = scanSeconds
        self.isAutoSubmitted = isAutoSubmitted
    }

    /// A short, unique, URL-safe decision id such as `CH-20261124-7Q3K9X2M`.
    public static func newDecisionID(now: Date = Date()) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        let suffix = String((0..<8).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd"
        return "CH-\(formatter.string(from: now))-\(suffix)"
    }
}
