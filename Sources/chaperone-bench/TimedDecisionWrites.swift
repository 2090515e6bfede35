import ChaperoneModel
import Store

/// One writer's part of a store benchmark: `count` accept decisions recorded one after
/// another, each timed from the call to its durable return. Shared by the SQLite and
/// PostgreSQL store benchmarks so both measure exactly the same writes.
enum TimedDecisionWrites {
    static func record(into store: any DecisionStore, count: Int, idPrefix: String) async throws -> [Duration] {
        var waits: [Duration] = []
        for index in 0..<count {
            let report = ScanReport(decisionID: "\(idPrefix)-\(index)", action: .accept, sizeBytes: 20_000)
            let envelope = Envelope(sender: "teacher@school.example", recipients: ["parent@example.net"])
            let begin = ContinuousClock.now
            try await store.record(DecisionRecord(report: report, envelope: envelope, configVersion: "bench"))
            waits.append(ContinuousClock.now - begin)
        }
        return waits
    }
}
