import ChaperoneModel
import Foundation
import GRDB
import Testing

@testable import Store

/// The web app's list and dashboard over a large store: the page is chosen from
/// indexes (migration v4-review-indexes), and the rows come back in the same order.
@Suite struct ReviewIndexTests {
    /// 30 decisions a minute apart, every third held (each copy different, so none is a duplicate hold).
    private static func store(_ directory: TemporaryDirectory) async throws -> AppDatabase {
        let database = try AppDatabase(path: directory.databasePath)
        for index in 0..<30 {
            let record = DecisionFixtures.record(
                id: "CH-\(index)", action: index % 3 == 0 ? .quarantine : .accept, sections: index % 3 == 0 ? [.confidentiality] : [],
                decidedAt: DecisionFixtures.baseDate.addingTimeInterval(Double(index) * 60))
            if index % 3 == 0 {
                try await database.insertQuarantine(record, rawMessage: DecisionFixtures.rawMessage + Array("copy \(index)\r\n".utf8))
            } else {
                try await database.insertDecisions([record])
            }
        }
        return database
    }

    @Test func pagesOfTheHeldListAreNewestFirstAndDoNotOverlap() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try await Self.store(directory)
        var first = DecisionFilter(state: .held, limit: 4)
        let page1 = try await database.decisions(matching: first).map(\.decisionID)
        first.offset = 4
        let page2 = try await database.decisions(matching: first).map(\.decisionID)
        first.offset = 8
        let page3 = try await database.decisions(matching: first).map(\.decisionID)
        #expect(page1 == ["CH-27", "CH-24", "CH-21", "CH-18"])
        #expect(page2 == ["CH-15", "CH-12", "CH-9", "CH-6"])
        #expect(page3 == ["CH-3", "CH-0"])
        // Whole rows come back, with their quarantine status.
        let held = try await database.decisions(matching: DecisionFilter(state: .held, limit: 1))
        #expect(held.first?.quarantine?.state == .held)
        #expect(held.first?.record.report.findings.count == 1)
        var everything = DecisionFilter(limit: 7)
        everything.offset = 23
        #expect(try await database.decisions(matching: everything).map(\.decisionID) == ["CH-6", "CH-5", "CH-4", "CH-3", "CH-2", "CH-1", "CH-0"])
    }

    @Test func theHeldListAndTheDashboardReadCoveringIndexes() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try await Self.store(directory)
        let request = AppDatabase.request(for: DecisionFilter(state: .held, limit: 26))
        let listPlan = try await database.pool.read { db in
            let statement = try request.makePreparedRequest(db, forSingleResult: false).statement
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                .map { $0["detail"] as String }
        }
        #expect(listPlan.contains { $0.contains("COVERING INDEX quarantine_state_decisionID") }, "\(listPlan)")
        let dashboardPlan = try await database.pool.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT strftime('%Y-%m-%d', decidedAt) AS period, action AS key, COUNT(*) AS n
                FROM decision WHERE decidedAt >= ? GROUP BY period, key
                """, arguments: [DecisionFixtures.baseDate]).map { $0["detail"] as String }
        }
        #expect(dashboardPlan.contains { $0.contains("COVERING INDEX decision_decidedAt_summary") }, "\(dashboardPlan)")
    }
}
