import ChaperoneModel
import Foundation
import Testing

@testable import Store

@Suite struct ConcurrencyTests {
    @Test func writersAndReadersNeverSeeDatabaseLocked() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Separate AppDatabase instances, as the milter and the CLI are separate processes.
        let milterSide = try AppDatabase(path: directory.databasePath)
        let cliSide = try AppDatabase(path: directory.databasePath)
        let perWriter = 500

        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = SQLiteDecisionStore(database: writer == 0 ? milterSide : cliSide)
                    for index in 0..<perWriter {
                        let record = DecisionFixtures.record(
                            id: "CH-W\(writer)-\(index)", action: index % 10 == 0 ? .tag : .accept)
                        if index % 50 == 0 {
                            try await store.recordQuarantine(record, rawMessage: DecisionFixtures.rawMessage)
                        } else {
                            try await store.record(record)
                        }
                    }
                    try await store.close()
                }
            }
            for reader in 0..<2 {
                group.addTask {
                    let database = reader == 0 ? cliSide : milterSide
                    for _ in 0..<50 {
                        _ = try await database.decisions(matching: DecisionFilter(limit: 100))
                        _ = try await database.decisions(matching: DecisionFilter(state: .held))
                    }
                }
            }
            try await group.waitForAll()
        }

        let all = try await cliSide.decisions(matching: DecisionFilter(limit: 10_000))
        #expect(all.count == 2 * perWriter)
        #expect(Set(all.map(\.decisionID)).count == 2 * perWriter)
    }

    @Test func batchedRowsAreWrittenOnClose() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        var batching = SQLiteDecisionStore.Batching()
        batching.batchSize = 1_000
        batching.flushInterval = .seconds(3_600)
        let store = SQLiteDecisionStore(database: database, batching: batching)

        for index in 0..<7 { try await store.record(DecisionFixtures.record(id: "CH-B\(index)")) }
        #expect(try await database.decisions(matching: DecisionFilter()).isEmpty)

        try await store.close()
        #expect(try await database.decisions(matching: DecisionFilter()).count == 7)
    }
}
