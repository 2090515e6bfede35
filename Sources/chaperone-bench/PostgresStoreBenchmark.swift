import ArgumentParser
import ChaperoneModel
import Foundation
import Logging
import Store
import StorePostgres

/// `chaperone-bench store-postgres --url postgresql://user@host:port/db`: decisions per
/// second into a shared PostgreSQL store from several mail hosts at once (each host its
/// own store and connection pool, with concurrent writers like the milter's messages),
/// and the store's part of a release across hosts (held on one host, then claimed, read
/// and finished on another). The database should be empty and is left with the rows.
struct PostgresStoreBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store-postgres", abstract: "Decisions per second into PostgreSQL from several hosts; cross-host release.")

    @Option(help: "The PostgreSQL store (no password: trust or peer authentication).") var url: String
    @Option(help: "Mail hosts writing at once.") var hosts = 2
    @Option(help: "Concurrent writers per host.") var writers = 20
    @Option(help: "Decisions per host.") var decisions = 2_000
    @Option(help: "Cross-host releases to time.") var releases = 200

    func run() async throws {
        let settings = try PostgresConnectionSettings(url: url)
        var stores: [PostgresStore] = []
        for index in 0..<max(1, hosts) {
            var options = PostgresStore.Options(mailHost: "bench-mx\(index)")
            options.maximumConnections = max(1, writers)
            stores.append(try await PostgresStore.open(settings: settings, options: options, logger: Logger(label: "bench")))
        }
        let run = UUID().uuidString.prefix(8)
        let perWriter = max(1, decisions / max(1, writers))
        let started = ContinuousClock.now
        let waits = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for (host, store) in stores.enumerated() {
                for writer in 0..<writers {
                    group.addTask {
                        try await TimedDecisionWrites.record(into: store, count: perWriter, idPrefix: "CH-PG-\(run)-\(host)-\(writer)")
                    }
                }
            }
            return try await group.reduce(into: [Duration]()) { $0 += $1 }
        }.sorted()
        let seconds = Self.seconds(ContinuousClock.now - started)
        print(String(
            format: "%d hosts x %d writers: %d decisions in %.2f s = %.0f decisions/s; wait per decision median %.2f ms, p99 %.2f ms",
            stores.count, writers, waits.count, seconds, Double(waits.count) / seconds,
            MilterBenchmark.milliseconds(waits, 0.5), MilterBenchmark.milliseconds(waits, 0.99)))

        let holder = stores[stores.count - 1], reviewer = stores[0]
        var releaseTimes: [Duration] = []
        let message = Array("From: teacher@school.example\r\nSubject: marks\r\n\r\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 50_000)
        for index in 0..<releases {
            let id = "CH-PGREL-\(run)-\(index)"
            let report = ScanReport(decisionID: id, action: .quarantine, sizeBytes: message.count)
            let envelope = Envelope(sender: "teacher@school.example", recipients: ["parent\(index)@example.net"])
            try await holder.recordQuarantine(DecisionRecord(report: report, envelope: envelope, configVersion: "bench"), rawMessage: message)
            let begin = ContinuousClock.now
            let claim = try await reviewer.claim(decisionID: id, for: .release)
            _ = try await reviewer.rawMessage(for: claim)
            try await reviewer.finish(claim, outcome: .releasedByReinjection, actor: "bench", reason: "bench", detail: nil, at: Date())
            releaseTimes.append(ContinuousClock.now - begin)
        }
        releaseTimes.sort()
        print(String(
            format: "release across hosts (held on %@, claimed, read and finished on %@; SMTP not included), %d times: median %.2f ms, p99 %.2f ms",
            "bench-mx\(stores.count - 1)", "bench-mx0", releaseTimes.count,
            MilterBenchmark.milliseconds(releaseTimes, 0.5), MilterBenchmark.milliseconds(releaseTimes, 0.99)))
        for store in stores { await store.close() }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
