import Foundation
import GRDB

extension AppDatabase {
    /// Every web account, by name.
    public func webUsers() async throws -> [WebUser] {
        try await pool.read { db in try WebUserRow.order(Column("name")).fetchAll(db).map(\.user) }
    }

    /// One web account by name (case-insensitive), or nil.
    public func webUser(named name: String) async throws -> WebUser? {
        try await pool.read { db in try WebUserRow.fetchOne(db, key: name)?.user }
    }

    /// Adds an account; fails with `StoreError.userExists` when the name is taken.
    /// The change is recorded in the audit trail with `actor`.
    public func addWebUser(_ user: WebUser, actor: String) async throws {
        try await pool.write { db in
            guard try WebUserRow.fetchOne(db, key: user.name) == nil else { throw StoreError.userExists(user.name) }
            try WebUserRow(user).insert(db)
            try Self.auditUserChange(db, actor: actor, detail: user.addedDetail, at: user.createdAt)
        }
    }

    /// Replaces an account's password hash, clears its lockout, and audits the change.
    public func setWebUserPassword(named name: String, passwordHash: String, actor: String, at date: Date = Date()) async throws {
        try await updateWebUser(named: name, actor: actor, detail: "changed the password of \(name)", at: date) { row in
            row.passwordHash = passwordHash
            row.passwordChangedAt = date
            row.failedLogins = 0
            row.lockedUntil = nil
        }
    }

    /// Disables (or enables again) an account, and audits the change.
    public func setWebUserDisabled(named name: String, disabled: Bool, actor: String, at date: Date = Date()) async throws {
        let verb = disabled ? "disabled" : "enabled"
        try await updateWebUser(named: name, actor: actor, detail: "\(verb) \(name)", at: date) { row in
            row.disabled = disabled
            if !disabled {
                row.failedLogins = 0
                row.lockedUntil = nil
            }
        }
    }

    /// Limits an account to some schools (empty: every school), and audits the change.
    public func setWebUserSchools(named name: String, schools: [String], actor: String, at date: Date = Date()) async throws {
        let detail = "limited \(name) to " + (schools.isEmpty ? "all schools" : "schools " + schools.joined(separator: ", "))
        try await updateWebUser(named: name, actor: actor, detail: detail, at: date) { row in row.schools = schools }
    }

    /// Records a failed sign-in: after `threshold` in a row the account is locked until
    /// `date + lockout`. Returns the account as it now is (nil when there is none).
    @discardableResult
    public func recordFailedLogin(named name: String, threshold: Int, lockout: TimeInterval, at date: Date = Date()) async throws -> WebUser? {
        try await pool.write { db in
            guard var row = try WebUserRow.fetchOne(db, key: name) else { return nil }
            row.failedLogins += 1
            if row.failedLogins >= threshold {
                row.lockedUntil = date.addingTimeInterval(lockout)
                row.failedLogins = 0
                try Self.auditUserChange(
                    db, actor: "chaperone web", detail: "locked \(row.name) after \(threshold) failed sign-ins", at: date)
            }
            try row.update(db)
            return row.user
        }
    }

    /// Records a successful sign-in: the failure count is cleared and the sign-in audited.
    public func recordSuccessfulLogin(named name: String, clientAddress: String, at date: Date = Date()) async throws {
        try await pool.write { db in
            guard var row = try WebUserRow.fetchOne(db, key: name) else { throw StoreError.unknownUser(name) }
            row.failedLogins = 0
            row.lockedUntil = nil
            row.lastLoginAt = date
            try row.update(db)
            try Self.auditUserChange(db, actor: row.name, detail: "signed in from \(clientAddress)", at: date)
        }
    }

    /// Records a store-wide audit event (no decision): a sign-out, a page of the web app
    /// that reads personal data in bulk.
    public func recordAuditNote(actor: String, detail: String, at date: Date = Date()) async throws {
        try await pool.write { db in try Self.auditUserChange(db, actor: actor, detail: detail, at: date) }
    }

    /// Store-wide audit events (no decision id), newest first, at most `limit`.
    public func storeWideEvents(limit: Int) async throws -> [ReviewEvent] {
        try await pool.read { db in
            try ReviewEventRow
                .filter(ReviewEventRow.Columns.decisionID == nil)
                .order(ReviewEventRow.Columns.occurredAt.desc, Column("id").desc)
                .limit(limit)
                .fetchAll(db)
                .map(\.event)
        }
    }

    /// The newest audit events, newest first, skipping `offset`; with `schools`, only
    /// those of these schools' decisions.
    public func recentEvents(limit: Int, offset: Int = 0, schools: [String]? = nil) async throws -> [ReviewEvent] {
        try await pool.read { db in
            var request = ReviewEventRow.all()
            if let schools {
                let (clause, arguments) = Self.schoolClause(schools, column: "school")
                request = request.filter(sql: "decisionID IN (SELECT decisionID FROM decision WHERE \(clause))", arguments: arguments)
            }
            return try request
                .order(ReviewEventRow.Columns.occurredAt.desc, Column("id").desc)
                .limit(limit, offset: offset)
                .fetchAll(db)
                .map(\.event)
        }
    }

    private func updateWebUser(
        named name: String, actor: String, detail: String, at date: Date, change: @escaping @Sendable (inout WebUserRow) -> Void
    ) async throws {
        try await pool.write { db in
            guard var row = try WebUserRow.fetchOne(db, key: name) else { throw StoreError.unknownUser(name) }
            change(&row)
            try row.update(db)
            try Self.auditUserChange(db, actor: actor, detail: detail, at: date)
        }
    }

    private static func auditUserChange(_ db: Database, actor: String, detail: String, at date: Date) throws {
        var event = ReviewEventRow(
            id: nil, decisionID: nil, occurredAt: date, actor: actor, kind: ReviewEvent.Kind.note.rawValue,
            reason: nil, detail: detail)
        try event.insert(db)
    }
}
