import Foundation
import ServiceMetrics
import Store

/// A decision store that records how long each commit takes in `ChaperoneMetrics`
/// (`chaperone_store_commit_seconds`), as the milter waits for it before replying.
public struct MeasuredDecisionStore: DecisionStore {
    let store: any DecisionStore

    public init(_ store: any DecisionStore) {
        self.store = store
    }

    public func record(_ decision: DecisionRecord) async throws {
        let started = ContinuousClock.now
        try await store.record(decision)
        ChaperoneMetrics.storeCommitted(kind: "decision", seconds: Self.seconds(since: started))
    }

    public func recordQuarantine(_ decision: DecisionRecord, rawMessage: [UInt8]) async throws {
        let started = ContinuousClock.now
        try await store.recordQuarantine(decision, rawMessage: rawMessage)
        ChaperoneMetrics.storeCommitted(kind: "quarantine", seconds: Self.seconds(since: started))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
