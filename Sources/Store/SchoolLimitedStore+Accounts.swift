import Foundation

/// Accounts, sign-ins and notes are the deployment's, not a school's: a limited store
/// passes them to its base unchanged (the web app signs people in before it knows
/// their schools).
extension SchoolLimitedStore {
    public func webUsers() async throws -> [WebUser] { try await base.webUsers() }

    public func webUser(named name: String) async throws -> WebUser? { try await base.webUser(named: name) }

    public func addWebUser(_ user: WebUser, actor: String) async throws { try await base.addWebUser(user, actor: actor) }

    public func setWebUserPassword(named name: String, passwordHash: String, actor: String, at date: Date) async throws {
        try await base.setWebUserPassword(named: name, passwordHash: passwordHash, actor: actor, at: date)
    }

    public func setWebUserDisabled(named name: String, disabled: Bool, actor: String, at date: Date) async throws {
        try await base.setWebUserDisabled(named: name, disabled: disabled, actor: actor, at: date)
    }

    public func setWebUserSchools(named name: String, schools: [String], actor: String, at date: Date) async throws {
        try await base.setWebUserSchools(named: name, schools: schools, actor: actor, at: date)
    }

    @discardableResult
    public func recordFailedLogin(named name: String, threshold: Int, lockout: TimeInterval, at date: Date) async throws -> WebUser? {
        try await base.recordFailedLogin(named: name, threshold: threshold, lockout: lockout, at: date)
    }

    public func recordSuccessfulLogin(named name: String, clientAddress: String, at date: Date) async throws {
        try await base.recordSuccessfulLogin(named: name, clientAddress: clientAddress, at: date)
    }

    public func recordAuditNote(actor: String, detail: String, at date: Date) async throws {
        try await base.recordAuditNote(actor: actor, detail: detail, at: date)
    }

    public func appliedMigrations() async throws -> [String] { try await base.appliedMigrations() }
}
