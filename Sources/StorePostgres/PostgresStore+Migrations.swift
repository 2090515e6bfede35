import Foundation
import Logging
import PostgresNIO
import Store

extension PostgresStore {
    /// The SQLite migrations (`AppDatabase.migrationNames`) translated to PostgreSQL,
    /// under the same names and in the same order, so that both stores have the same
    /// tables and columns. Append-only, like the SQLite list: never edit a shipped one.
    static let migrations: [(name: String, sql: String)] = [
        ("v1-decision", """
            CREATE TABLE decision (
                id BIGSERIAL PRIMARY KEY,
                "decisionID" TEXT NOT NULL UNIQUE,
                "decidedAt" TIMESTAMPTZ NOT NULL,
                "queueID" TEXT,
                "messageID" TEXT,
                sender TEXT NOT NULL,
                "authenticatedUser" TEXT,
                "clientAddress" TEXT,
                "envelopeRecipients" JSONB NOT NULL,
                recipients JSONB NOT NULL,
                action TEXT NOT NULL,
                sections JSONB NOT NULL,
                findings JSONB NOT NULL,
                problems JSONB NOT NULL,
                explanation TEXT NOT NULL,
                "sizeBytes" BIGINT NOT NULL,
                "scanSeconds" DOUBLE PRECISION NOT NULL,
                "configVersion" TEXT NOT NULL,
                "falsePositive" BOOLEAN NOT NULL DEFAULT FALSE
            );
            CREATE INDEX decision_on_decidedAt ON decision ("decidedAt");
            CREATE INDEX decision_on_sender ON decision (lower(sender));
            CREATE INDEX decision_on_action ON decision (action);
            """),
        ("v1-quarantine", """
            CREATE TABLE quarantine (
                "decisionID" TEXT PRIMARY KEY REFERENCES decision ("decisionID") ON DELETE CASCADE,
                "queueID" TEXT,
                content BYTEA,
                "contentBytes" BIGINT NOT NULL,
                "contentCRC32" BIGINT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('held', 'releasing', 'released', 'deleting', 'deleted', 'expired')),
                reviewer TEXT,
                "reviewedAt" TIMESTAMPTZ,
                reason TEXT,
                "contentPurgedAt" TIMESTAMPTZ
            );
            CREATE INDEX quarantine_on_queueID ON quarantine ("queueID");
            CREATE INDEX quarantine_on_state ON quarantine (state);
            """),
        ("v1-reviewEvent", """
            CREATE TABLE "reviewEvent" (
                id BIGSERIAL PRIMARY KEY,
                "decisionID" TEXT,
                "occurredAt" TIMESTAMPTZ NOT NULL,
                actor TEXT NOT NULL,
                kind TEXT NOT NULL,
                reason TEXT,
                detail TEXT
            );
            CREATE INDEX reviewEvent_on_decisionID ON "reviewEvent" ("decisionID");
            CREATE FUNCTION review_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'reviewEvent is an append-only audit trail'; END $$;
            CREATE TRIGGER "reviewEventIsAppendOnly" BEFORE UPDATE OR DELETE ON "reviewEvent"
                FOR EACH ROW EXECUTE FUNCTION review_event_is_append_only();
            CREATE TRIGGER "reviewEventIsAppendOnlyTruncate" BEFORE TRUNCATE ON "reviewEvent"
                FOR EACH STATEMENT EXECUTE FUNCTION review_event_is_append_only();
            """),
        ("v2-decision-senderRole", """
            ALTER TABLE decision ADD COLUMN "senderRole" TEXT, ADD COLUMN "senderIdentity" JSONB;
            CREATE INDEX decision_on_senderRole ON decision ("senderRole");
            """),
        ("v3-decision-rules", """
            ALTER TABLE decision ADD COLUMN rules JSONB NOT NULL DEFAULT '[]',
                ADD COLUMN "governingSections" JSONB NOT NULL DEFAULT '[]';
            UPDATE decision SET "governingSections" = sections;
            UPDATE decision SET sections = '[]' WHERE action = 'tag';
            """),
        ("v3-quarantine-duplicate", """
            ALTER TABLE quarantine ADD COLUMN fingerprint TEXT;
            CREATE INDEX quarantine_on_fingerprint ON quarantine (fingerprint);
            ALTER TABLE decision ADD COLUMN "duplicateOf" TEXT;
            CREATE INDEX decision_on_duplicateOf ON decision ("duplicateOf");
            """),
        ("v3-users", """
            CREATE TABLE "webUser" (
                name TEXT PRIMARY KEY,
                role TEXT NOT NULL CHECK (role IN ('reviewer', 'auditor', 'admin')),
                "passwordHash" TEXT NOT NULL,
                disabled BOOLEAN NOT NULL DEFAULT FALSE,
                "createdAt" TIMESTAMPTZ NOT NULL,
                "passwordChangedAt" TIMESTAMPTZ NOT NULL,
                "failedLogins" BIGINT NOT NULL DEFAULT 0,
                "lockedUntil" TIMESTAMPTZ,
                "lastLoginAt" TIMESTAMPTZ
            );
            CREATE UNIQUE INDEX webUser_on_lower_name ON "webUser" (lower(name));
            CREATE INDEX reviewEvent_occurredAt ON "reviewEvent" ("occurredAt");
            """),
        ("v4-review-indexes", """
            CREATE INDEX quarantine_state_decisionID ON quarantine (state, "decisionID");
            CREATE INDEX decision_decidedAt_summary ON decision ("decidedAt", action, "falsePositive", "decisionID");
            """),
        ("v4-decision-parts", """
            ALTER TABLE decision ADD COLUMN parts JSONB NOT NULL DEFAULT '[]';
            """),
        ("v4-decision-school-host", """
            ALTER TABLE decision ADD COLUMN school TEXT, ADD COLUMN "mailHost" TEXT;
            CREATE INDEX decision_on_school ON decision (school);
            """),
        ("v5-webUser-schools", """
            ALTER TABLE "webUser" ADD COLUMN schools JSONB NOT NULL DEFAULT '[]';
            """),
        ("v6-selfService-tokens", """
            CREATE TABLE "selfServiceKey" (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                key BYTEA NOT NULL,
                "createdAt" TIMESTAMPTZ NOT NULL
            );
            CREATE TABLE "selfServiceAction" (
                "decisionID" TEXT PRIMARY KEY REFERENCES decision ("decisionID") ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('request', 'release', 'withdraw')),
                sender TEXT NOT NULL,
                justification TEXT,
                "occurredAt" TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX "selfServiceAction_kind" ON "selfServiceAction" (kind, "decisionID");
            """),
        ("v7-learning-decision-shadow", """
            ALTER TABLE decision ADD COLUMN "shadowAction" TEXT, ADD COLUMN "shadowRules" JSONB NOT NULL DEFAULT '[]';
            """),
    ]

    /// Applies the migrations not yet applied, each in its own transaction, with one
    /// host migrating at a time (an advisory lock held until the transaction ends).
    func migrate() async throws {
        let known = Set(Self.migrations.map(\.name))
        // Unreachable is said within the call timeout; only migrating may take longer.
        _ = try await read { connection in try await connection.query("SELECT 1", logger: self.logger) }
        let applied = try await transaction(timeoutSeconds: Self.migrationTimeoutSeconds) { connection in
            try await Self.lockSchema(connection, logger: self.logger)
            try await connection.query(
                #"CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())"#,
                logger: self.logger)
            var names: [String] = []
            for try await name in try await connection.query("SELECT name FROM schema_migrations", logger: self.logger)
                .decode(String.self) {
                names.append(name)
            }
            return names
        }
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw PostgresStoreError.unknownMigration(unknown)
        }
        for migration in Self.migrations where !applied.contains(migration.name) {
            try await transaction(timeoutSeconds: Self.migrationTimeoutSeconds) { connection in
                try await Self.lockSchema(connection, logger: self.logger)
                // Another host may have applied it while this one waited for the lock.
                let done = try await connection.query(
                    "SELECT 1 FROM schema_migrations WHERE name = \(migration.name)", logger: self.logger
                ).collect()
                guard done.isEmpty else { return }
                for statement in Self.statements(of: migration.sql) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
                }
                try await connection.query("INSERT INTO schema_migrations (name) VALUES (\(migration.name))", logger: self.logger)
            }
        }
    }

    /// Names of the migrations applied to this store, in the order they were applied.
    public func appliedMigrations() async throws -> [String] {
        try await read { connection in
            var names: [String] = []
            for try await name in try await connection.query(
                #"SELECT name FROM schema_migrations ORDER BY "appliedAt", name"#, logger: self.logger
            ).decode(String.self) {
                names.append(name)
            }
            let order = Dictionary(uniqueKeysWithValues: Self.migrations.enumerated().map { ($1.name, $0) })
            return names.sorted { (order[$0] ?? .max) < (order[$1] ?? .max) }
        }
    }

    /// A migration's statements: the extended query protocol takes one at a time, and
    /// every statement above ends with a semicolon at the end of its line.
    static func statements(of sql: String) -> [String] {
        sql.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// One advisory lock for schema changes, released when the transaction ends.
    private static func lockSchema(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.schemaLockKey))", logger: logger)
    }

    /// An arbitrary constant naming Chaperone's schema lock.
    static let schemaLockKey: Int64 = 0x4348_4150_4552_4F4E  // "CHAPERON"
}
