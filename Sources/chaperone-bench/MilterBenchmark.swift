import ArgumentParser
import ChaperoneModel
import Foundation
import Logging
import MilterServer
import NIOCore
import Store

/// `chaperone-bench milter`: the latency the milter adds to each message, measured the
/// way Postfix experiences it (from MAIL to the end-of-message reply) over loopback, at
/// 1 and at 20 concurrent connections, with a scanner that does no work so the figure is
/// the milter's own cost (protocol, spooling, replies, store call). Also prints peak RSS.
struct MilterBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milter", abstract: "Per-message latency added by the milter, and its peak RSS.")

    @Option(help: "Messages per connection.") var messages = 500
    @Option(help: "Body size of each message in bytes.") var bodyBytes = 20_000
    @Option(help: "Concurrency levels to run.") var concurrency: [Int] = [1, 20]
    @Flag(help: "Record every decision durably in a real SQLite store (group commit) instead of discarding it.")
    var sqlite = false

    func run() async throws {
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: spool) }
        var configuration = Configuration()
        configuration.milter.spoolDirectory = spool
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let store: any DecisionStore
        if self.sqlite {
            store = SQLiteDecisionStore(database: try AppDatabase(path: spool + "-store/bench.sqlite"))
        } else {
            store = DiscardingStore()
        }
        defer { try? FileManager.default.removeItem(atPath: spool + "-store") }
        let server = MilterServer(configuration: configuration, scanner: IdleScanner(), store: store, logger: logger)
        guard let address = try await server.start(address: .inet(host: "127.0.0.1", port: 0)) else { return }
        let body = MilterBenchmarkClient.body(bytes: self.bodyBytes)
        print("milter latency per message (MAIL → end-of-message reply), \(self.bodyBytes)-byte body, loopback, store: \(self.sqlite ? "SQLite, durable group commit" : "none")")
        for clients in self.concurrency {
            let started = ContinuousClock.now
            let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
                for _ in 0..<clients {
                    group.addTask {
                        try await MilterBenchmarkClient.run(address: address, messages: self.messages, body: body)
                    }
                }
                return try await group.reduce(into: [Duration]()) { $0 += $1 }
            }.sorted()
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(String(
                format: "  %2d connections: %6d messages, median %.3f ms, p99 %.3f ms, %.0f messages/s",
                clients, latencies.count, Self.milliseconds(latencies, 0.5), Self.milliseconds(latencies, 0.99),
                Double(latencies.count) / seconds))
        }
        await server.shutdown()
        print("  peak RSS of the process (milter + benchmark clients): \(Self.peakRSS()) kB")
    }

    static func milliseconds(_ sorted: [Duration], _ quantile: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let value = sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * quantile))]
        return Double(value.components.seconds) * 1000 + Double(value.components.attoseconds) / 1e15
    }

    static func peakRSS() -> String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return line.split(separator: " ").dropFirst().first.map(String.init) ?? "?"
    }
}
