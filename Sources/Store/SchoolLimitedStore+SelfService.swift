import Foundation

/// Self-service through a store limited to some schools: a decision of another school
/// answers as one that does not exist; the key and refusals are store-wide.
extension SchoolLimitedStore {
    public func selfServiceKey() async throws -> [UInt8] { try await base.selfServiceKey() }

    public func selfServiceAction(decisionID: String) async throws -> SelfServiceAction? {
        try await requireCovered(decisionID)
        return try await base.selfServiceAction(decisionID: decisionID)
    }

    public func spendSelfService(_ action: SelfServiceAction) async throws {
        try await requireCovered(action.decisionID)
        try await base.spendSelfService(action)
    }

    public func recordSelfServiceRefusal(decisionID: String?, actor: String, detail: String, at date: Date) async throws {
        try await base.recordSelfServiceRefusal(decisionID: decisionID, actor: actor, detail: detail, at: date)
    }

    /// Only the requests of decisions the caller listed, which it read through this store.
    public func releaseRequests(among decisionIDs: [String]) async throws -> [String: SelfServiceAction] {
        try await base.releaseRequests(among: decisionIDs)
    }
}
