import ChaperoneModel
import Foundation
import Testing

@testable import Store

@Suite struct QueryTests {
    @Test func filtersBySectionActionSenderStateAndSince() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        let base = DecisionFixtures.baseDate
        try await database.insertDecisions([
            DecisionFixtures.record(id: "a", action: .accept, sender: "one@school.example", decidedAt: base),
            DecisionFixtures.record(
                id: "t", action: .tag, rules: ["8.sensitive-to-partner"], governingSections: [.confidentiality],
                sender: "Two@School.example", decidedAt: base.addingTimeInterval(60)),
        ])
        try await database.insertQuarantine(
            DecisionFixtures.record(id: "q", action: .quarantine, sections: [.socialContact, .confidentiality], sender: "two@school.example", decidedAt: base.addingTimeInterval(120)),
            rawMessage: DecisionFixtures.rawMessage)

        func ids(_ filter: DecisionFilter) async throws -> [String] {
            try await database.decisions(matching: filter).map(\.decisionID)
        }
        #expect(try await ids(DecisionFilter()) == ["q", "t", "a"])
        // A section filter finds breaches: the tag breached nothing.
        #expect(try await ids(DecisionFilter(section: .confidentiality)) == ["q"])
        #expect(try await ids(DecisionFilter(section: .socialContact)) == ["q"])
        #expect(try await ids(DecisionFilter(action: .tag)) == ["t"])
        #expect(try await ids(DecisionFilter(sender: "two@school.example")) == ["q", "t"])
        #expect(try await ids(DecisionFilter(sender: "@school.example")) == ["q", "t", "a"])
        #expect(try await ids(DecisionFilter(state: .held)) == ["q"])
        #expect(try await ids(DecisionFilter(state: .released)) == [])
        #expect(try await ids(DecisionFilter(quarantinedOnly: true)) == ["q"])
        #expect(try await ids(DecisionFilter(since: base.addingTimeInterval(30))) == ["q", "t"])

        let summary = try await database.summary(since: base)
        #expect(summary.total == 3)
        #expect(summary.byAction == ["accept": 1, "tag": 1, "quarantine": 1])
        #expect(summary.bySection == ["8": 1, "3": 1])
        #expect(summary.breaches == 1)
        #expect(summary.tagsByRule == ["8.sensitive-to-partner": 1])
        #expect(summary.tagsByGoverningSection == ["8": 1])
        let tag = try #require(try await database.decision(id: "t"))
        #expect(tag.record.report.sections.isEmpty)
        #expect(tag.record.report.rules == ["8.sensitive-to-partner"])
        #expect(tag.record.report.governingSections == [.confidentiality])
        #expect(summary.topSenders.first?.count == 2)
        #expect(summary.quarantined == 1)
        #expect(summary.releaseRate == 0)
    }

    @Test func readsSinceExpressions() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try SinceExpression.date(from: "30d", now: now) == now.addingTimeInterval(-30 * 86_400))
        #expect(try SinceExpression.date(from: "12h", now: now) == now.addingTimeInterval(-12 * 3_600))
        #expect(try SinceExpression.date(from: "2026-11-01", now: now) == Date(timeIntervalSince1970: 1_793_491_200))
        #expect(try SinceExpression.date(from: "2026-11-01T08:00:00Z", now: now) == Date(timeIntervalSince1970: 1_793_520_000))
        #expect(throws: StoreError.badSince("yesterday")) { try SinceExpression.date(from: "yesterday", now: now) }
        #expect(throws: StoreError.badSince("d")) { try SinceExpression.date(from: "d", now: now) }
    }
}
