import Foundation
import Logging
import PostgresNIO
import Store

extension PostgresStore {
    /// Every web account, by name.
    public func webUsers() async throws -> [WebUser] {
        try await read { connection in
            try await Self.users(
                connection, PostgresQuery(unsafeSQL: "SELECT \(Self.webUserColumns) FROM \"webUser\" ORDER BY lower(name) COLLATE \"C\", name COLLATE \"C\""),
                logger: self.logger)
        }
    }

    /// One web account by name (case-insensitive, as the unique index on `lower(name)`), or nil.
    public func webUser(named name: String) async throws -> WebUser? {
        try await read { connection in try await Self.user(connection, named: name, logger: self.logger) }
    }

    /// Adds an account, audited in the same transaction; any name equal ignoring case
    /// (on any host, at once) makes it `StoreError.userExists`.
    public func addWebUser(_ user: WebUser, actor: String) async throws {
        let schoolsJSON = String(decoding: try JSONEncoder().encode(user.schools), as: UTF8.self)
        try await transaction { connection in
            let inserted = try await connection.query(
                """
                INSERT INTO "webUser" (name, role, "passwordHash", disabled, "createdAt", "passwordChangedAt", "failedLogins",
                    "lockedUntil", "lastLoginAt", schools)
                VALUES (\(user.name), \(user.role.rawValue), \(user.passwordHash), \(user.disabled), \(user.createdAt),
                    \(user.passwordChangedAt), \(user.failedLogins), \(user.lockedUntil), \(user.lastLoginAt), \(schoolsJSON)::jsonb)
                ON CONFLICT DO NOTHING RETURNING 1
                """, logger: self.logger
            ).collect()
            guard !inserted.isEmpty else { throw StoreError.userExists(user.name) }
            try await Self.auditUserChange(
                connection, actor: actor, detail: user.addedDetail, at: user.createdAt, logger: self.logger)
        }
    }

    public func setWebUserPassword(named name: String, passwordHash: String, actor: String, at date: Date) async throws {
        try await updateWebUser(
            named: name, actor: actor, detail: "changed the password of \(name)", at: date,
            set: #""passwordHash" = \#(passwordHash), "passwordChangedAt" = \#(date), "failedLogins" = 0, "lockedUntil" = NULL"#)
    }

    public func setWebUserDisabled(named name: String, disabled: Bool, actor: String, at date: Date) async throws {
        let verb = disabled ? "disabled" : "enabled"
        let change: PostgresQuery =
            disabled ? "disabled = TRUE" : #"disabled = FALSE, "failedLogins" = 0, "lockedUntil" = NULL"#
        try await updateWebUser(named: name, actor: actor, detail: "\(verb) \(name)", at: date, set: change)
    }

    /// Counts a failed sign-in under the account's row lock, so that failures on two
    /// web hosts at once are both counted.
    @discardableResult
    public func recordFailedLogin(named name: String, threshold: Int, lockout: TimeInterval, at date: Date) async throws -> WebUser? {
        try await transaction { connection in
            guard var user = try await Self.user(connection, named: name, logger: self.logger, lockingRow: true) else { return nil }
            user.failedLogins += 1
            if user.failedLogins >= threshold {
                user.lockedUntil = date.addingTimeInterval(lockout)
                user.failedLogins = 0
                try await Self.auditUserChange(
                    connection, actor: "chaperone web", detail: "locked \(user.name) after \(threshold) failed sign-ins", at: date,
                    logger: self.logger)
            }
            try await connection.query(
                #"UPDATE "webUser" SET "failedLogins" = \#(user.failedLogins), "lockedUntil" = \#(user.lockedUntil) WHERE name = \#(user.name)"#,
                logger: self.logger)
            return user
        }
    }

    public func recordSuccessfulLogin(named name: String, clientAddress: String, at date: Date) async throws {
        try await transaction { connection in
            guard let user = try await Self.user(connection, named: name, logger: self.logger, lockingRow: true) else {
                throw StoreError.unknownUser(name)
            }
            try await connection.query(
                #"UPDATE "webUser" SET "failedLogins" = 0, "lockedUntil" = NULL, "lastLoginAt" = \#(date) WHERE name = \#(user.name)"#,
                logger: self.logger)
            try await Self.auditUserChange(
                connection, actor: user.name, detail: "signed in from \(clientAddress)", at: date, logger: self.logger)
        }
    }

    public func recordAuditNote(actor: String, detail: String, at date: Date) async throws {
        try await transaction { connection in
            try await Self.auditUserChange(connection, actor: actor, detail: detail, at: date, logger: self.logger)
        }
    }

    public func storeWideEvents(limit: Int) async throws -> [ReviewEvent] {
        try await read { connection in
            try await Self.events(
                connection,
                """
                SELECT "decisionID", "occurredAt", actor, kind, reason, detail FROM "reviewEvent" WHERE "decisionID" IS NULL
                ORDER BY "occurredAt" DESC, id DESC LIMIT \(max(limit, 0))
                """,
                logger: self.logger)
        }
    }

    /// The newest audit events, newest first; with `schools`, only those of these
    /// schools' decisions.
    public func recentEvents(limit: Int, offset: Int, schools: [String]?) async throws -> [ReviewEvent] {
        var bindings = PostgresBindings()
        var ofSchools = ""
        if let schools {
            let clause = Self.schoolClause(schools, column: "school", bindings: &bindings)
            ofSchools = #"WHERE "decisionID" IN (SELECT "decisionID" FROM decision WHERE \#(clause))"#
        }
        bindings.append(max(limit, 0))
        bindings.append(max(offset, 0))
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT "decisionID", "occurredAt", actor, kind, reason, detail FROM "reviewEvent" \(ofSchools)
                ORDER BY "occurredAt" DESC, id DESC LIMIT $\(bindings.count - 1) OFFSET $\(bindings.count)
                """,
            binds: bindings)
        return try await read { connection in try await Self.events(connection, query, logger: self.logger) }
    }

    public func setWebUserSchools(named name: String, schools: [String], actor: String, at date: Date) async throws {
        let detail = "limited \(name) to " + (schools.isEmpty ? "all schools" : "schools " + schools.joined(separator: ", "))
        let json = String(decoding: try JSONEncoder().encode(schools), as: UTF8.self)
        try await updateWebUser(named: name, actor: actor, detail: detail, at: date, set: "schools = \(json)::jsonb")
    }

    /// One audited change to an account found by name (case-insensitive).
    private func updateWebUser(named name: String, actor: String, detail: String, at date: Date, set change: PostgresQuery) async throws {
        try await transaction { connection in
            var query = change
            query.sql = #"UPDATE "webUser" SET \#(change.sql) WHERE lower(name) = lower($\#(change.binds.count + 1)) RETURNING 1"#
            query.binds.append(name)
            let updated = try await connection.query(query, logger: self.logger).collect()
            guard !updated.isEmpty else { throw StoreError.unknownUser(name) }
            try await Self.auditUserChange(connection, actor: actor, detail: detail, at: date, logger: self.logger)
        }
    }

    static let webUserColumns =
        #"name, role, "passwordHash", disabled, "createdAt", "passwordChangedAt", "failedLogins", "lockedUntil", "lastLoginAt", schools::text"#

    private static func user(
        _ connection: PostgresConnection, named name: String, logger: Logger, lockingRow: Bool = false
    ) async throws -> WebUser? {
        var bindings = PostgresBindings()
        bindings.append(name)
        let lock = lockingRow ? " FOR UPDATE" : ""
        let query = PostgresQuery(
            unsafeSQL: #"SELECT \#(webUserColumns) FROM "webUser" WHERE lower(name) = lower($1)\#(lock)"#, binds: bindings)
        return try await users(connection, query, logger: logger).first
    }

    private static func users(_ connection: PostgresConnection, _ query: PostgresQuery, logger: Logger) async throws -> [WebUser] {
        var users: [WebUser] = []
        for try await (name, role, hash, disabled, createdAt, changedAt, failed, lockedUntil, lastLogin, schools) in try await connection.query(
            query, logger: logger
        ).decode((String, String, String, Bool, Date, Date, Int, Date?, Date?, String).self) {
            // A role this version does not know reads as the least privileged one, as in SQLite.
            var user = WebUser(
                name: name, role: WebUser.Role(rawValue: role) ?? .auditor, passwordHash: hash, disabled: disabled,
                createdAt: createdAt, failedLogins: failed, lockedUntil: lockedUntil, lastLoginAt: lastLogin,
                schools: try JSONDecoder().decode([String].self, from: Data(schools.utf8)))
            user.passwordChangedAt = changedAt
            users.append(user)
        }
        return users
    }

    private static func auditUserChange(
        _ connection: PostgresConnection, actor: String, detail: String, at date: Date, logger: Logger
    ) async throws {
        try await appendEvent(
            connection, ReviewEvent(decisionID: nil, occurredAt: date, actor: actor, kind: .note, reason: nil, detail: detail),
            logger: logger)
    }
}
