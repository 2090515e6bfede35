import Foundation

/// A store narrowed to some schools of a trust, for a web account limited to them
/// (`chaperone user add … --school ID`). Lists, the log, the dashboard and the audit
/// trail are filtered in the backend's own query (`DecisionFilter.schools`, the
/// `schools:` arguments); every read or action on one decision first asks the backend
/// for that decision and answers `StoreError.unknownDecision` — exactly what an id that
/// does not exist gets, so ids of other schools do not leak — when it belongs to none
/// of the schools. A decision's school is written once, when it is recorded, and never
/// changed, so the check cannot be overtaken by the action. One implementation over
/// either backend, so SQLite and PostgreSQL cannot disagree.
public struct SchoolLimitedStore: WebStore {
    public let base: any WebStore
    /// School ids; never empty (an account with none sees every school and gets the
    /// unlimited store instead).
    public let schools: [String]

    public init(base: any WebStore, schools: [String]) {
        self.base = base
        self.schools = schools
    }

    /// Whether a decision of `school` is one this store shows.
    public func covers(school: String?) -> Bool {
        school.map(schools.contains) ?? false
    }

    /// Throws `unknownDecision` unless `decisionID` is a decision of these schools.
    func requireCovered(_ decisionID: String) async throws {
        guard let decision = try await base.decision(id: decisionID), covers(school: decision.record.school) else {
            throw StoreError.unknownDecision(decisionID)
        }
    }

    /// `requested` narrowed to these schools (intersected with any it names itself).
    func narrowed(_ requested: [String]?) -> [String] {
        requested.map { $0.filter(schools.contains) } ?? schools
    }

    // MARK: Decisions, narrowed

    public func decisions(matching filter: DecisionFilter) async throws -> [StoredDecision] {
        var filter = filter
        filter.schools = narrowed(filter.schools)
        return try await base.decisions(matching: filter)
    }

    public func decision(id: String) async throws -> StoredDecision? {
        guard let decision = try await base.decision(id: id), covers(school: decision.record.school) else { return nil }
        return decision
    }

    public func reviewEvents(decisionID: String) async throws -> [ReviewEvent] {
        try await requireCovered(decisionID)
        return try await base.reviewEvents(decisionID: decisionID)
    }

    public func recentEvents(limit: Int, offset: Int, schools requested: [String]?) async throws -> [ReviewEvent] {
        try await base.recentEvents(limit: limit, offset: offset, schools: narrowed(requested))
    }

    public func dashboardFigures(since: Date, schools requested: [String]?) async throws -> DashboardFigures {
        try await base.dashboardFigures(since: since, schools: narrowed(requested))
    }

    public func reviewPrecision(since: Date, schools requested: [String]?) async throws -> ReviewPrecision {
        try await base.reviewPrecision(since: since, schools: narrowed(requested))
    }

    public func shadowFigures(since: Date, schools requested: [String]?) async throws -> ShadowFigures {
        try await base.shadowFigures(since: since, schools: narrowed(requested))
    }

    /// Store-wide notes (sign-ins, account changes) belong to no school: none are shown.
    public func storeWideEvents(limit: Int) async throws -> [ReviewEvent] { [] }

    /// The summary and purge cover the whole store: refused here, with what to use instead.
    public func summary(since: Date, topSenderCount: Int) async throws -> DecisionSummary {
        throw StoreError.limitedToSchools(operation: "the summary report")
    }

    public func purge(policy: RetentionPolicy, now: Date, actor: String, dryRun: Bool) async throws -> PurgeResult {
        throw StoreError.limitedToSchools(operation: "purge")
    }

    // MARK: Review actions, on covered decisions only

    public func claim(decisionID: String, for operation: ReviewOperation) async throws -> QuarantineClaim {
        try await requireCovered(decisionID)
        return try await base.claim(decisionID: decisionID, for: operation)
    }

    public func finish(
        _ claim: QuarantineClaim, outcome: ReviewEvent.Kind, actor: String, reason: String, detail: String?, at date: Date
    ) async throws {
        try await requireCovered(claim.decisionID)
        try await base.finish(claim, outcome: outcome, actor: actor, reason: reason, detail: detail, at: date)
    }

    public func deleteHeld(decisionID: String, actor: String, reason: String, at date: Date) async throws {
        try await requireCovered(decisionID)
        try await base.deleteHeld(decisionID: decisionID, actor: actor, reason: reason, at: date)
    }

    public func recoverClaim(
        decisionID: String, releaseWasDelivered: Bool, actor: String, reason: String, detail: String?, at date: Date
    ) async throws {
        try await requireCovered(decisionID)
        try await base.recoverClaim(
            decisionID: decisionID, releaseWasDelivered: releaseWasDelivered, actor: actor, reason: reason, detail: detail, at: date)
    }

    public func markFalsePositive(decisionID: String, actor: String, reason: String, at date: Date) async throws {
        try await requireCovered(decisionID)
        try await base.markFalsePositive(decisionID: decisionID, actor: actor, reason: reason, at: date)
    }

    public func rawMessageForViewing(decisionID: String, viewer: String, reason: String?, at date: Date) async throws -> [UInt8] {
        try await requireCovered(decisionID)
        return try await base.rawMessageForViewing(decisionID: decisionID, viewer: viewer, reason: reason, at: date)
    }

    public func rawMessage(for claim: QuarantineClaim) async throws -> [UInt8] {
        try await requireCovered(claim.decisionID)
        return try await base.rawMessage(for: claim)
    }
}
