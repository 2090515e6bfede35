import ChaperoneModel
import Foundation
import Notify

/// Invented reports and configuration for Notify tests; no real people.
enum NoticeFixtures {
    /// A made-up UPN that appears only in the raw message, never in the report.
    static let rawUPN = "A123456789012"
    static let rawMessage = Array("Subject: marks\r\n\r\nJosh Pemberton-Quill UPN \(rawUPN)\r\n".utf8)

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.school.name = "Hollowbrook Academy"
        configuration.school.domains = ["hollowbrook.example"]
        configuration.school.itContact = "the IT office (it@hollowbrook.example)"
        configuration.notifications.fromAddress = "chaperone@hollowbrook.example"
        return configuration
    }

    static func report(action: Action = .quarantine, sections: [Section] = [.confidentiality], explanation: String = "") -> ScanReport {
        ScanReport(
            decisionID: "CH-20261124-TESTTEST",
            messageID: "orig-1@hollowbrook.example",
            action: action,
            sections: sections,
            findings: [
                Finding(
                    detector: .upn, location: .attachment("Josh Pemberton-Quill.xlsx", partPath: "2", detail: "Sheet1!row 4"),
                    evidence: "A1234…2", confidence: 0.99, pupil: "K9", sections: sections),
                Finding(detector: .pupilName, location: .body("1"), evidence: "J*** P****", confidence: 0.9, sections: sections),
            ],
            recipients: [Recipient(address: "friend@gmail.example", recipientClass: .personal)],
            explanation: explanation)
    }

    static func envelope(sender: String = "teacher@hollowbrook.example", authenticatedUser: String? = nil) -> Envelope {
        Envelope(sender: sender, recipients: ["friend@gmail.example"], authenticatedUser: authenticatedUser, queueID: "4XYZ")
    }
}

/// Keeps submitted messages in memory instead of sending them.
actor RecordingSubmitter: MailSubmitter {
    private(set) var messages: [OutgoingMessage] = []

    func submit(_ message: OutgoingMessage) async throws {
        messages.append(message)
    }
}
