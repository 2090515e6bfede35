import Store
import Synchronization

/// A `DecisionStore` in memory (the SQLite one belongs to the store module).
final class InMemoryDecisionStore: DecisionStore {
    private let decisions = Mutex<[DecisionRecord]>([])
    private let copies = Mutex<[String: [UInt8]]>([:])

    var records: [DecisionRecord] { self.decisions.withLock { $0 } }
    var quarantinedIDs: [String] { self.copies.withLock { Array($0.keys) } }

    func record(_ decision: DecisionRecord) async throws {
        self.decisions.withLock { $0.append(decision) }
    }

    func recordQuarantine(_ decision: DecisionRecord, rawMessage: [UInt8]) async throws {
        self.decisions.withLock { $0.append(decision) }
        self.copies.withLock { $0[decision.report.decisionID] = rawMessage }
    }
}
