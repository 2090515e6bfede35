import ChaperoneModel
import Foundation
import Testing

@testable import Store

/// Pupils' and parents' full addresses live only with a quarantined copy: every decision
/// row keeps them redacted in its recipients and explanation, and its envelope too
/// unless a copy waits for release; content retention takes them with the copy.
@Suite struct AddressRedactionTests {
    static let parent = "emma.okaforbrennan72@icloud.com"
    static let pupil = "zoe.2011@live.co.uk"
    static let supplier = "orders@supplier.example"

    static func record(id: String, action: Action, decidedAt: Date = DecisionFixtures.baseDate) -> DecisionRecord {
        let recipients = [
            Recipient(address: parent, recipientClass: .parent, linkedPupils: ["R383432125004"]),
            Recipient(address: pupil, recipientClass: .student, linkedPupils: ["R383432125004"]),
            Recipient(address: supplier, recipientClass: .external),
        ]
        let report = ScanReport(
            decisionID: id, action: action, sections: [.confidentiality], recipients: recipients,
            explanation: "This message was held because it sends sensitive information to \(parent) (a parent) and \(pupil) (a student's personal address).")
        let envelope = Envelope(sender: "c.bennett@ralphthoresby.example", recipients: [parent, pupil, supplier])
        return DecisionRecord(report: report, envelope: envelope, decidedAt: decidedAt, configVersion: "cfg")
    }

    static func assertRedacted(_ text: String) {
        #expect(!text.contains("okaforbrennan72"))
        #expect(!text.contains("zoe.2011"))
    }

    @Test func acceptedDecisionKeepsNoFullPupilOrParentAddress() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await database.insertDecisions([Self.record(id: "tagged", action: .tag)])
        let stored = try #require(try await database.decision(id: "tagged")).record
        #expect(stored.envelope.recipients == ["e***@icloud.com", "z***@live.co.uk", Self.supplier])
        #expect(stored.report.recipients.map(\.address) == ["e***@icloud.com", "z***@live.co.uk", Self.supplier])
        #expect(stored.report.recipients.map(\.recipientClass) == [.parent, .student, .external])
        #expect(stored.report.explanation.contains("e***@icloud.com (a parent)"))
        Self.assertRedacted(stored.report.explanation)
        // Nothing in the file either (the WAL included): the row is written redacted.
        let folder = directory.path + "/db"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            #expect(bytes.range(of: Data(Self.parent.utf8)) == nil, "\(file)")
        }
    }

    @Test func quarantinedDecisionKeepsTheEnvelopeForReleaseUntilRetention() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        let now = DecisionFixtures.baseDate.addingTimeInterval(40 * 86_400)
        try await database.insertQuarantine(Self.record(id: "held", action: .quarantine), rawMessage: DecisionFixtures.rawMessage)
        let held = try #require(try await database.decision(id: "held")).record
        #expect(held.envelope.recipients == [Self.parent, Self.pupil, Self.supplier])
        #expect(held.report.recipients.map(\.address) == ["e***@icloud.com", "z***@live.co.uk", Self.supplier])
        Self.assertRedacted(held.report.explanation)

        _ = try await database.purge(policy: RetentionPolicy(quarantineContentDays: 30, decisionDays: 730),
                                     now: now, actor: "cron", dryRun: false)
        let expired = try #require(try await database.decision(id: "held")).record
        #expect(expired.envelope.recipients == ["e***@icloud.com", "z***@live.co.uk", Self.supplier])
    }

    @Test func deletingTheCopyRedactsTheEnvelopeAtOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await database.insertQuarantine(Self.record(id: "held", action: .quarantine), rawMessage: DecisionFixtures.rawMessage)
        try await database.deleteHeld(decisionID: "held", actor: "it", reason: "sent in error")
        let deleted = try #require(try await database.decision(id: "held")).record
        #expect(deleted.envelope.recipients == ["e***@icloud.com", "z***@live.co.uk", Self.supplier])
    }
}
