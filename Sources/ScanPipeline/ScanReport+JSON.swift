import ChaperoneModel
import Foundation

/// The machine-readable form of one scanned message, as `chaperone scan --json`
/// prints it (one object per line).
public struct ScanReportJSON: Codable, Sendable {
    /// One finding as printed.
    public struct FindingJSON: Codable, Sendable {
        public var detector: String
        /// The first (most specific) section this finding contributed to, or null.
        public var section: String?
        public var sections: [String]
        public var location: String
        public var evidence: String
        public var confidence: Double
        public var pupil: String?
        public var detail: String?
    }

    /// One recipient as printed.
    public struct RecipientJSON: Codable, Sendable {
        public var address: String
        public var `class`: String
    }

    public var file: String
    public var decision_id: String
    public var message_id: String?
    public var action: String
    public var sections: [String]
    public var findings: [FindingJSON]
    public var recipients: [RecipientJSON]
    public var explanation: String
    public var problems: [String]
    public var size_bytes: Int
    public var scan_ms: Double

    public init(file: String, report: ScanReport) {
        self.file = file
        self.decision_id = report.decisionID
        self.message_id = report.messageID
        self.action = report.action.rawValue
        self.sections = report.sections.map(\.rawValue)
        self.findings = report.findings.map {
            FindingJSON(
                detector: $0.detector.rawValue, section: $0.sections.last?.rawValue, sections: $0.sections.map(\.rawValue),
                location: $0.location.description, evidence: $0.evidence,
                confidence: ($0.confidence * 100).rounded() / 100, pupil: $0.pupil, detail: $0.detail
            )
        }
        self.recipients = report.recipients.map { RecipientJSON(address: $0.address, class: $0.recipientClass.rawValue) }
        self.explanation = report.explanation
        self.problems = report.problems.map(\.description)
        self.size_bytes = report.sizeBytes
        self.scan_ms = (report.scanSeconds * 100_000).rounded() / 100
    }

    /// One line of JSON (keys sorted, no slashes escaped).
    public func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
