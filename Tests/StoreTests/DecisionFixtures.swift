import ChaperoneModel
import Foundation
import Store

/// Invented decisions for store tests; no real people.
enum DecisionFixtures {
    static let baseDate = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-19

    static func record(
        id: String = ScanReport.newDecisionID(),
        action: Action = .accept,
        sections: [Section] = [],
        rules: [String] = [],
        governingSections: [Section]? = nil,
        sender: String = "teacher@school.example",
        decidedAt: Date = baseDate,
        queueID: String? = "4ABCD123"
    ) -> DecisionRecord {
        let finding = Finding(
            detector: .upn, location: .attachment("marks.xlsx", partPath: "2", detail: "Sheet1!row 3"),
            evidence: "A1234…Z", confidence: 0.99, pupil: "K1", sections: sections)
        let report = ScanReport(
            decisionID: id, messageID: "msg-\(id)@school.example", action: action, sections: sections,
            rules: rules, governingSections: governingSections,
            findings: sections.isEmpty ? [] : [finding],
            recipients: [Recipient(address: "someone@gmail.example", recipientClass: .personal)],
            explanation: "Pupil identifiers were sent to a personal address.", sizeBytes: 1_234, scanSeconds: 0.01)
        let envelope = Envelope(
            sender: sender, recipients: ["someone@gmail.example"], authenticatedUser: "teacher", queueID: queueID)
        return DecisionRecord(report: report, envelope: envelope, decidedAt: decidedAt, configVersion: "cfg-1")
    }

    static let rawMessage: [UInt8] = Array(
        "From: teacher@school.example\r\nTo: someone@gmail.example\r\nSubject: marks\r\n\r\nUPN A123456789012\r\n.dot line\r\n"
            .utf8)
}
