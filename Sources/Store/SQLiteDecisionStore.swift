import Foundation

/// The embedded `DecisionStore`: quarantine decisions are committed with their copy
/// before `recordQuarantine` returns; accept, tag and reject rows are batched and
/// written every `batchSize` rows or `flushInterval`, whichever comes first, and on
/// `close()`.
public actor SQLiteDecisionStore: DecisionStore {
    /// How batching behaves; every value is named and has a default.
    public struct Batching: Hashable, Sendable {
        /// Rows that trigger an immediate write.
        public var batchSize: Int = 100
        /// Longest a row waits before it is written.
        public var flushInterval: Duration = .milliseconds(200)
        /// Rows that may wait while the database refuses writes before `record` throws.
        public var maxPendingRows: Int = 10_000
        public init() {}
    }

    public let database: AppDatabase
    private let batching: Batching
    private var pending: [DecisionRecord] = []
    private var flushTimer: Task<Void, Never>?
    /// The last error a timed flush met; cleared by the next successful write.
    public private(set) var lastFlushError: (any Error)?

    public init(database: AppDatabase, batching: Batching = Batching()) {
        self.database = database
        self.batching = batching
    }

    public func record(_ decision: DecisionRecord) async throws {
        guard pending.count < batching.maxPendingRows else {
            throw StoreError.backlogFull(limit: batching.maxPendingRows)
        }
        pending.append(decision)
        if pending.count >= batching.batchSize {
            try await flush()
        } else if flushTimer == nil {
            let interval = batching.flushInterval
            flushTimer = Task { [weak self] in
                try? await Task.sleep(for: interval)
                await self?.timerFired()
            }
        }
    }

    public func recordQuarantine(_ decision: DecisionRecord, rawMessage: [UInt8]) async throws {
        try await database.insertQuarantine(decision, rawMessage: rawMessage)
    }

    /// Writes every waiting row now. On failure the rows stay waiting and the error is thrown.
    public func flush() async throws {
        flushTimer?.cancel()
        flushTimer = nil
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        do {
            try await database.insertDecisions(batch)
            lastFlushError = nil
        } catch {
            pending.insert(contentsOf: batch, at: 0)
            lastFlushError = error
            throw error
        }
    }

    /// Flushes and stops the timer; call on shutdown.
    public func close() async throws {
        try await flush()
    }

    private func timerFired() async {
        flushTimer = nil
        try? await flush()
    }
}
