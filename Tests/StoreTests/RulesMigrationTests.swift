import ChaperoneModel
import Foundation
import Testing

@testable import Store

/// `v3-decision-rules`: rows recorded when `sections` also held a tag's section read as
/// the new meaning (sections breached), their sections kept as governing sections.
@Suite struct RulesMigrationTests {
    @Test func olderTagRowsMoveTheirSectionsToGoverningSections() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try AppDatabase(path: directory.databasePath, busyTimeoutSeconds: 5, migratingUpTo: "v2-decision-senderRole")
        try await old.pool.write { db in
            for (id, action, sections) in [("tagged", "tag", #"["8"]"#), ("held", "quarantine", #"["3","8"]"#)] {
                try db.execute(
                    sql: """
                        INSERT INTO decision (decisionID, decidedAt, sender, envelopeRecipients, recipients, action, sections,
                            findings, problems, explanation, sizeBytes, scanSeconds, configVersion)
                        VALUES (?, '2026-11-19 10:00:00.000', 't@school.example', '[]', '[]', ?, ?,
                            '[]', '[]', '', 1, 0, 'v2')
                        """,
                    arguments: [id, action, sections])
            }
        }
        let current = try AppDatabase(path: directory.databasePath)
        let tagged = try #require(try await current.decision(id: "tagged")).record.report
        #expect(tagged.sections.isEmpty)
        #expect(tagged.governingSections == [.confidentiality])
        #expect(tagged.rules.isEmpty)
        let held = try #require(try await current.decision(id: "held")).record.report
        #expect(held.sections == [.socialContact, .confidentiality])
        #expect(held.governingSections == [.socialContact, .confidentiality])
        let summary = try await current.summary(since: DecisionFixtures.baseDate)
        #expect(summary.bySection == ["3": 1, "8": 1])
        #expect(summary.breaches == 1)
        #expect(summary.tagsByGoverningSection == ["8": 1])
    }
}
