import ChaperoneModel
import Foundation
import Testing

@testable import Store

/// A decision keeps the list of its parts (migration v4-decision-parts).
@Suite struct DecisionPartsStoreTests {
    @Test func aDecisionKeepsTheListOfItsParts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        var record = DecisionFixtures.record(id: "CH-PARTS")
        record.report.parts = [
            MessagePart(path: "1", kind: .body, contentType: "text", size: 120, handling: .read),
            MessagePart(path: "2", kind: .attachment, contentType: "application/zip", filename: "marks.zip", size: 4_096,
                        handling: .unscannable, unreadReason: "encrypted"),
        ]
        try await database.insertDecisions([record])
        let stored = try #require(try await database.decision(id: "CH-PARTS"))
        #expect(stored.record.report.parts == record.report.parts)
    }

    @Test func aDecisionRecordedBeforePartListsReadsWithNone() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try AppDatabase(path: directory.databasePath, busyTimeoutSeconds: 5, migratingUpTo: "v4-review-indexes")
        try await old.pool.write { db in
            try db.execute(sql: """
                INSERT INTO decision (decisionID, decidedAt, sender, envelopeRecipients, recipients, action, sections, findings,
                    problems, explanation, sizeBytes, scanSeconds, configVersion, falsePositive)
                VALUES ('CH-OLD', '2026-11-19 08:00:00.000', 'teacher@school.example', '[]', '[]', 'accept', '[]', '[]', '[]', '', 1, 0, 'cfg', 0)
                """)
        }
        let current = try AppDatabase(path: directory.databasePath)
        let stored = try #require(try await current.decision(id: "CH-OLD"))
        #expect(stored.record.report.parts.isEmpty)
    }
}
