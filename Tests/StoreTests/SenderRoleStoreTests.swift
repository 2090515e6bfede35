import ChaperoneModel
import Foundation
import Testing

@testable import Store

/// The sender role is recorded with every decision, read back whole, counted by
/// `chaperone report`, and absent (not guessed) on rows from before roles existed.
@Suite struct SenderRoleStoreTests {
    static func record(id: String, role: SenderRole, scanned: Bool = true) -> DecisionRecord {
        var record = DecisionFixtures.record(id: id)
        record.report.sender = SenderIdentity(
            role: role, address: "x@school.example", basis: .envelopeSender, rules: role == .outside ? .staff : role,
            scanned: scanned, pupilKey: role == .pupil ? "K1" : nil, reason: "the envelope sender x@school.example is a test")
        return record
    }

    @Test func theRoleIsRecordedReadBackAndCounted() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        let pupil = Self.record(id: "p", role: .pupil)
        try await database.insertDecisions([
            pupil, Self.record(id: "s", role: .staff), Self.record(id: "i", role: .outside, scanned: false),
            Self.record(id: "j", role: .outside, scanned: false),
        ])
        let read = try await database.decision(id: "p")
        #expect(read?.record.report.sender == pupil.report.sender)
        let summary = try await database.summary(since: DecisionFixtures.baseDate)
        #expect(summary.bySenderRole == ["pupil": 1, "staff": 1, "outside": 2])
        #expect(summary.notScanned == 2)
        var outside = DecisionFilter()
        outside.senderRole = .outside
        #expect(try await database.decisions(matching: outside).map(\.decisionID).sorted() == ["i", "j"])
    }

    @Test func rowsFromBeforeRolesReadAsUnknownNotAsAGuess() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try AppDatabase(path: directory.databasePath, busyTimeoutSeconds: 5, migratingUpTo: "v1-reviewEvent")
        try await old.pool.write { db in
            try db.execute(sql: """
                INSERT INTO decision (decisionID, decidedAt, sender, envelopeRecipients, recipients, action, sections,
                    findings, problems, explanation, sizeBytes, scanSeconds, configVersion)
                VALUES ('old', '2026-11-19 10:00:00.000', 't@school.example', '[]', '[]', 'accept', '[]', '[]', '[]', '', 1, 0, 'v1')
                """)
        }
        let current = try AppDatabase(path: directory.databasePath)
        let row = try await current.decision(id: "old")
        #expect(row?.record.report.sender == .unknown)
        #expect(try await current.summary(since: DecisionFixtures.baseDate).bySenderRole == ["unknown": 1])
    }
}
