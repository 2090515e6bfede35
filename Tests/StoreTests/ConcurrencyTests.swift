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

    @Test func everyRowIsCommittedWhenRecordReturns() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = SQLiteDecisionStore(database: try AppDatabase(path: directory.databasePath))
        let reader = try AppDatabase(path: directory.databasePath)

        for index in 0..<7 {
            try await store.record(DecisionFixtures.record(id: "CH-B\(index)"))
            // Another connection (another process, after a kill -9) sees it at once.
            #expect(try await reader.decision(id: "CH-B\(index)") != nil)
        }
    }

    @Test func decisionsThatArriveDuringACommitShareTheNextOne() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        let blocker = try AppDatabase(path: directory.databasePath)
        let store = SQLiteDecisionStore(database: database)
        let held = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        // Another process holds the write lock, so the first commit waits for it.
        let lock = Task {
            try await blocker.pool.write { db in
                var row = DecisionRow(DecisionFixtures.record(id: "CH-LOCK"))
                try row.insert(db)
                held.signal()
                release.wait()
            }
        }
        held.wait()
        let count = 50
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask { try await store.record(DecisionFixtures.record(id: "CH-G\(index)")) }
            }
            // Some decisions are in the blocked commit; the rest queue behind it.
            while true {
                let committing = await store.committingCount
                let waiting = await store.waitingCount
                if committing > 0, committing + waiting == count { break }
                try await Task.sleep(for: .milliseconds(5))
            }
            let first = await store.committingCount
            release.signal()
            try await group.waitForAll()
            #expect(await store.commits == (first == count ? 1 : 2))
        }
        try await lock.value
        #expect(await store.rowsCommitted == count)
        #expect(try await database.decisions(matching: DecisionFilter(limit: 1_000)).count == count + 1)
    }
}
