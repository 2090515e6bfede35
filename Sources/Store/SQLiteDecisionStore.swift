import Foundation

/// The embedded `DecisionStore`, durable before acknowledged with group commit: every
/// `record` and `recordQuarantine` returns only once its row (and copy) is committed to
/// disk. One writer at a time: while a transaction is committing, the decisions that
/// arrive wait together and go in the next transaction, so concurrent messages share
/// one fsync and throughput holds under load while an idle host pays one commit per
/// message.
public actor SQLiteDecisionStore: DecisionStore {
    /// How group commit behaves; every value is named and has a default.
    public struct Batching: Hashable, Sendable {
        /// Most decisions in one transaction (`store.group_commit_max_rows`).
        public var maxRowsPerCommit: Int = 500
        /// Decisions that may wait for a commit before `record` refuses more
        /// (`store.max_pending_rows`); the milter then applies its fail action.
        public var maxPendingRows: Int = 10_000
        public init() {}
    }

    private struct Waiter {
        var write: PendingDecisionWrite
        var continuation: CheckedContinuation<Void, any Error>
    }

    public let database: AppDatabase
    private let batching: Batching
    /// How long a held copy catches a retry of the same message as its duplicate
    /// (`store.duplicate_window_hours`; 0: never).
    private let duplicateWindowSeconds: Double
    /// Recorded on every decision whose caller named no mail host (`store.host_id`).
    private let mailHost: String?
    private var waiting: [Waiter] = []
    private var isWriting = false
    /// Transactions committed and rows they held, for the benchmark and the statistics.
    public private(set) var commits = 0
    public private(set) var rowsCommitted = 0
    /// Decisions waiting for the next commit.
    public var waitingCount: Int { waiting.count }
    /// Decisions in the commit under way.
    public private(set) var committingCount = 0

    public init(
        database: AppDatabase, batching: Batching = Batching(),
        duplicateWindowSeconds: Double = AppDatabase.defaultDuplicateWindowSeconds, mailHost: String? = nil
    ) {
        self.database = database
        self.batching = batching
        self.duplicateWindowSeconds = duplicateWindowSeconds
        self.mailHost = mailHost
    }

    public func record(_ decision: DecisionRecord) async throws {
        try await enqueue(PendingDecisionWrite(record: stamped(decision), quarantine: nil))
    }

    public func recordQuarantine(_ decision: DecisionRecord, rawMessage: [UInt8]) async throws {
        let copy = try QuarantineCopy(rawMessage: rawMessage, envelope: decision.envelope)
        try await enqueue(PendingDecisionWrite(record: stamped(decision), quarantine: copy))
    }

    private func stamped(_ decision: DecisionRecord) -> DecisionRecord {
        guard decision.mailHost == nil, let mailHost else { return decision }
        var stamped = decision
        stamped.mailHost = mailHost
        return stamped
    }

    /// Nothing waits between calls (every call returns after its commit); kept so that
    /// shutdown code reads the same as for a store that buffers.
    public func close() async throws {}

    private func enqueue(_ write: PendingDecisionWrite) async throws {
        guard waiting.count < batching.maxPendingRows else {
            throw StoreError.backlogFull(limit: batching.maxPendingRows)
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            waiting.append(Waiter(write: write, continuation: continuation))
            if !isWriting {
                isWriting = true
                Task { await self.writeWhileWaiting() }
            }
        }
    }

    /// Commits whatever is waiting, batch after batch, and completes each waiter with
    /// its batch's outcome; a failed batch fails only its own waiters.
    private func writeWhileWaiting() async {
        while !waiting.isEmpty {
            let count = min(waiting.count, max(1, batching.maxRowsPerCommit))
            let batch = Array(waiting.prefix(count))
            waiting.removeFirst(count)
            committingCount = count
            defer { committingCount = 0 }
            do {
                try await database.insertBatch(batch.map(\.write), duplicateWindowSeconds: duplicateWindowSeconds)
                commits += 1
                rowsCommitted += batch.count
                for waiter in batch { waiter.continuation.resume() }
            } catch where batch.count > 1 {
                // One bad row must not fail its neighbours: write each on its own.
                for waiter in batch { await writeAlone(waiter) }
            } catch {
                for waiter in batch { waiter.continuation.resume(throwing: error) }
            }
        }
        isWriting = false
    }

    private func writeAlone(_ waiter: Waiter) async {
        do {
            try await database.insertBatch([waiter.write], duplicateWindowSeconds: duplicateWindowSeconds)
            commits += 1
            rowsCommitted += 1
            waiter.continuation.resume()
        } catch {
            waiter.continuation.resume(throwing: error)
        }
    }
}
