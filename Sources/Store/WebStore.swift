import Foundation

/// What the review web app and `chaperone user` need from the store beyond the review
/// operations: the accounts with their sign-in counters, store-wide audit notes, the
/// audit trail, the dashboard's figures, the schema version, and sender self-service. `AppDatabase` (SQLite)
/// and `PostgresStore` implement it with the same rules (the same audit rows, the same
/// lockout), so the web app on any mail host of a trust sees one store.
public protocol WebStore: ReviewStore, SelfServiceStore {
    /// Every web account, by name.
    func webUsers() async throws -> [WebUser]
    /// One web account by name (case-insensitive), or nil.
    func webUser(named name: String) async throws -> WebUser?
    /// Adds an account, audited with `actor`; `StoreError.userExists` when the name is taken.
    func addWebUser(_ user: WebUser, actor: String) async throws
    /// Replaces an account's password hash, clears its lockout, and audits the change.
    func setWebUserPassword(named name: String, passwordHash: String, actor: String, at date: Date) async throws
    /// Disables (or enables again, clearing the lockout) an account, and audits the change.
    func setWebUserDisabled(named name: String, disabled: Bool, actor: String, at date: Date) async throws
    /// Limits an account to some schools (empty: every school), and audits the change.
    func setWebUserSchools(named name: String, schools: [String], actor: String, at date: Date) async throws
    /// Counts a failed sign-in: after `threshold` in a row the account is locked until
    /// `date + lockout` (audited) and the count starts again. Returns the account as it
    /// now is, nil when there is none.
    @discardableResult
    func recordFailedLogin(named name: String, threshold: Int, lockout: TimeInterval, at date: Date) async throws -> WebUser?
    /// Clears the failure count and lockout, sets the last sign-in, and audits it.
    func recordSuccessfulLogin(named name: String, clientAddress: String, at date: Date) async throws
    /// Records a store-wide audit event (no decision): a sign-out, an account change.
    func recordAuditNote(actor: String, detail: String, at date: Date) async throws
    /// Store-wide audit events (no decision id), newest first, at most `limit`.
    func storeWideEvents(limit: Int) async throws -> [ReviewEvent]
    /// The newest audit events, newest first, skipping `offset`. With `schools`, only
    /// the events of those schools' decisions (no store-wide notes); nil: every event.
    func recentEvents(limit: Int, offset: Int, schools: [String]?) async throws -> [ReviewEvent]
    /// The dashboard's figures for decisions made at or after `since`, of `schools`
    /// only when given (nil: every decision).
    func dashboardFigures(since: Date, schools: [String]?) async throws -> DashboardFigures
    /// Review outcomes per rule, detector, term, pupil and outside domain for holds
    /// decided at or after `since`, of `schools` only when given (nil: every decision).
    func reviewPrecision(since: Date, schools: [String]?) async throws -> ReviewPrecision
    /// The shadow rules' results for decisions made at or after `since`, of `schools`
    /// only when given (nil: every decision).
    func shadowFigures(since: Date, schools: [String]?) async throws -> ShadowFigures
    /// Names of the migrations applied, in order (the web app's health check).
    func appliedMigrations() async throws -> [String]
}

extension AppDatabase: WebStore {}
