import Store

/// A store that keeps nothing: the benchmark measures the milter alone.
struct DiscardingStore: DecisionStore {
    func record(_ decision: DecisionRecord) async throws {}
    func recordQuarantine(_ decision: DecisionRecord, rawMessage: [UInt8]) async throws {}
}
