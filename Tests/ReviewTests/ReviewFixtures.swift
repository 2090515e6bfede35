import ChaperoneModel
import Foundation
import Notify
import Review
import Store

/// A temporary database with one quarantined message, plus an in-memory SMTP listener.
struct ReviewFixture {
    static let raw = Array("From: teacher@hollowbrook.example\r\nTo: friend@gmail.example\r\n\r\n.starts with a dot\r\nbye\r\n".utf8)
    /// What the release sends: the release header, then the stored copy unchanged.
    static let released = Array("X-Chaperone-Release: CH-REVIEW-1\r\n".utf8) + raw

    let directory: String
    let database: AppDatabase
    let submitter = RecordingSubmitter()

    init(queueID: String? = "4HELD1") async throws {
        directory = NSTemporaryDirectory() + "chaperone-review-" + UUID().uuidString
        database = try AppDatabase(path: directory + "/chaperone.sqlite")
        let report = ScanReport(decisionID: "CH-REVIEW-1", action: .quarantine, sections: [.confidentiality])
        let envelope = Envelope(
            sender: "teacher@hollowbrook.example", recipients: ["friend@gmail.example", "other@elsewhere.example"],
            queueID: queueID)
        try await database.insertQuarantine(
            DecisionRecord(report: report, envelope: envelope, configVersion: "cfg"), rawMessage: Self.raw)
    }

    var workflow: ReviewWorkflow {
        ReviewWorkflow(database: database, reinjector: submitter, removedHeaders: ["X-Chaperone"])
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Keeps submitted messages; fails the next `failures` submissions.
actor RecordingSubmitter: MailSubmitter {
    struct Refused: Error {}

    private(set) var messages: [OutgoingMessage] = []
    var failures = 0

    func failNext(_ count: Int) { failures = count }

    func submit(_ message: OutgoingMessage) async throws {
        if failures > 0 {
            failures -= 1
            throw Refused()
        }
        messages.append(message)
    }
}
