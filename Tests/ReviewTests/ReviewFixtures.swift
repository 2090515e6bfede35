import ChaperoneModel
import Foundation
import Notify
import Review
import Store

/// A temporary database with one quarantined message, plus in-memory Postfix and SMTP.
struct ReviewFixture {
    static let raw = Array("From: teacher@hollowbrook.example\r\nTo: friend@gmail.example\r\n\r\n.starts with a dot\r\nbye\r\n".utf8)

    let directory: String
    let database: AppDatabase
    let postfix = InMemoryPostfixQueue()
    let submitter = RecordingSubmitter()

    init(queueID: String? = "4HELD1", heldByPostfix: Bool) async throws {
        directory = NSTemporaryDirectory() + "chaperone-review-" + UUID().uuidString
        database = try AppDatabase(path: directory + "/chaperone.sqlite")
        let report = ScanReport(decisionID: "CH-REVIEW-1", action: .quarantine, sections: [.confidentiality])
        let envelope = Envelope(
            sender: "teacher@hollowbrook.example", recipients: ["friend@gmail.example", "other@elsewhere.example"],
            queueID: queueID)
        try await database.insertQuarantine(
            DecisionRecord(report: report, envelope: envelope, configVersion: "cfg"), rawMessage: Self.raw)
        if heldByPostfix, let queueID { await postfix.hold(queueID) }
    }

    var workflow: ReviewWorkflow {
        ReviewWorkflow(database: database, postfix: postfix, reinjector: submitter)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// A hold queue in memory that records every call.
actor InMemoryPostfixQueue: PostfixQueue {
    private(set) var held: Set<String> = []
    private(set) var calls: [String] = []

    func hold(_ queueID: String) { held.insert(queueID) }

    func holds(_ queueID: String) async throws -> Bool { held.contains(queueID) }

    func release(_ queueID: String) async throws {
        calls.append("release \(queueID)")
        held.remove(queueID)
    }

    func delete(_ queueID: String) async throws {
        calls.append("delete \(queueID)")
        held.remove(queueID)
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
