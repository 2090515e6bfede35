import ArgumentParser
import ChaperoneModel
import Foundation
import Store

/// `chaperone-bench store`: decisions per second the SQLite store commits durably
/// (`synchronous = FULL`, every `record` returning only after its commit) with group
/// commit, against one transaction per decision (`--max-rows 1`), for several numbers of
/// concurrent writers (the milter's concurrent messages), and the time each `record`
/// waits. A real database file in the temporary directory; removed afterwards.
struct StoreBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Durable decisions per second with group commit, and the wait per decision.")

    @Option(help: "Decisions per run.") var decisions = 4_000
    @Option(help: "Concurrent writers to run.") var concurrency: [Int] = [1, 20, 100]
    @Option(help: "Most rows per commit for the group-commit runs.") var maxRows = 500

    func run() async throws {
        print("durable decision rows (synchronous = FULL), \(decisions) per run, temporary SQLite file")
        for writers in concurrency {
            for rows in [1, maxRows] {
                let result = try await Self.measure(decisions: decisions, writers: writers, maxRows: rows)
                print(String(
                    format: "  %3d writers, %@: %7.0f decisions/s, %5d commits, wait per decision median %.2f ms, p99 %.2f ms",
                    writers, rows == 1 ? "one commit each  " : "group commit     ", result.perSecond, result.commits,
                    MilterBenchmark.milliseconds(result.waits, 0.5), MilterBenchmark.milliseconds(result.waits, 0.99)))
            }
        }
    }

    struct Result {
        var perSecond: Double
        var commits: Int
        var waits: [Duration]
    }

    static func measure(decisions: Int, writers: Int, maxRows: Int) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-store-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase(path: directory.appendingPathComponent("bench.sqlite").path)
        var batching = SQLiteDecisionStore.Batching()
        batching.maxRowsPerCommit = maxRows
        let store = SQLiteDecisionStore(database: database, batching: batching)
        let perWriter = max(1, decisions / writers)
        let started = ContinuousClock.now
        let waits = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    try await TimedDecisionWrites.record(into: store, count: perWriter, idPrefix: "CH-BENCH-\(writer)")
                }
            }
            return try await group.reduce(into: [Duration]()) { $0 += $1 }
        }.sorted()
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(perSecond: Double(waits.count) / seconds, commits: await store.commits, waits: waits)
    }
}
