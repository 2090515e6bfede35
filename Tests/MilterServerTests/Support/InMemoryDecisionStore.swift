import Foundation
import Store

/// A `DecisionStore` in memory, which can be told to refuse quarantine copies or every decision.
final class InMemoryDecisionStore: DecisionStore, @unchecked Sendable {
    struct Refused: Error {}

    private let lock = NSLock()
    private var decisions: [DecisionRecord] = []
    private var quarantined: [(DecisionRecord, [UInt8])] = []
    let refusesQuarantine: Bool
    let refusesDecisions: Bool

    init(refusesQuarantine: Bool = false, refusesDecisions: Bool = false) {
        self.refusesQuarantine = refusesQuarantine
        self.refusesDecisions = refusesDecisions
    }

    var records: [DecisionRecord] { self.lock.withLock { self.decisions } }
    var quarantine: [(record: DecisionRecord, message: [UInt8])] { self.lock.withLock { self.quarantined } }

    func record(_ decision: DecisionRecord) async throws {
        if self.refusesDecisions { throw Refused() }
        self.lock.withLock { self.decisions.append(decision) }
    }

    func recordQuarantine(_ decision: DecisionRecord, rawMessage: [UInt8]) async throws {
        if self.refusesQuarantine { throw Refused() }
        self.lock.withLock {
            self.decisions.append(decision)
            self.quarantined.append((decision, rawMessage))
        }
    }
}
