import GRDB

extension AppDatabase {
    /// Named, append-only migrations: never edit one that has shipped; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-decision") { db in
            try db.create(table: "decision") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("decisionID", .text).notNull().unique()
                table.column("decidedAt", .datetime).notNull().indexed()
                table.column("queueID", .text)
                table.column("messageID", .text)
                table.column("sender", .text).notNull().collate(.nocase).indexed()
                table.column("authenticatedUser", .text)
                table.column("clientAddress", .text)
                table.column("envelopeRecipients", .jsonText).notNull()
                table.column("recipients", .jsonText).notNull()
                table.column("action", .text).notNull().indexed()
                table.column("sections", .jsonText).notNull()
                table.column("findings", .jsonText).notNull()
                table.column("problems", .jsonText).notNull()
                table.column("explanation", .text).notNull()
                table.column("sizeBytes", .integer).notNull()
                table.column("scanSeconds", .double).notNull()
                table.column("configVersion", .text).notNull()
                table.column("falsePositive", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("v1-quarantine") { db in
            try db.create(table: "quarantine") { table in
                table.primaryKey("decisionID", .text)
                    .references("decision", column: "decisionID", onDelete: .cascade)
                table.column("queueID", .text).indexed()
                table.column("content", .blob)
                table.column("contentBytes", .integer).notNull()
                table.column("contentCRC32", .integer).notNull()
                table.column("state", .text).notNull().indexed()
                    .check { ["held", "releasing", "released", "deleting", "deleted", "expired"].contains($0) }
                table.column("reviewer", .text)
                table.column("reviewedAt", .datetime)
                table.column("reason", .text)
                table.column("contentPurgedAt", .datetime)
            }
        }
        migrator.registerMigration("v1-reviewEvent") { db in
            try db.create(table: "reviewEvent") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("decisionID", .text).indexed()
                table.column("occurredAt", .datetime).notNull()
                table.column("actor", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("reason", .text)
                table.column("detail", .text)
            }
            try db.execute(sql: """
                CREATE TRIGGER reviewEventIsAppendOnlyUpdate BEFORE UPDATE ON reviewEvent
                BEGIN SELECT RAISE(ABORT, 'reviewEvent is an append-only audit trail'); END;
                CREATE TRIGGER reviewEventIsAppendOnlyDelete BEFORE DELETE ON reviewEvent
                BEGIN SELECT RAISE(ABORT, 'reviewEvent is an append-only audit trail'); END;
                """)
        }
        migrator.registerMigration("v2-decision-senderRole") { db in
            // Whose mail it was (pupil, staff, system, outside) and why; null on rows
            // recorded before roles existed.
            try db.alter(table: "decision") { table in
                table.add(column: "senderRole", .text).indexed()
                table.add(column: "senderIdentity", .jsonText)
            }
        }
        migrator.registerMigration("v3-decision-rules") { db in
            // `sections` now lists only the sections breached; the rules that acted and
            // the sections governing them get their own columns. A tag breaches none,
            // so older tag rows move their sections to `governingSections`.
            try db.alter(table: "decision") { table in
                table.add(column: "rules", .jsonText).notNull().defaults(sql: "'[]'")
                table.add(column: "governingSections", .jsonText).notNull().defaults(sql: "'[]'")
            }
            try db.execute(sql: "UPDATE decision SET governingSections = sections")
            try db.execute(sql: "UPDATE decision SET sections = '[]' WHERE action = 'tag'")
        }
        migrator.registerMigration("v3-quarantine-duplicate") { db in
            // A hold's content fingerprint (QuarantineFingerprint), and on a decision
            // made for a retry of a message already held, the decision that holds the
            // one copy; null on rows recorded before fingerprints existed.
            try db.alter(table: "quarantine") { table in
                table.add(column: "fingerprint", .text).indexed()
            }
            try db.alter(table: "decision") { table in
                table.add(column: "duplicateOf", .text).indexed()
            }
        }
        migrator.registerMigration("v3-users") { db in
            // The review web app's accounts: bcrypt hashes only, with the per-account
            // lockout counters (`chaperone user`, `chaperone web`).
            try db.create(table: "webUser") { table in
                table.primaryKey("name", .text).collate(.nocase)
                table.column("role", .text).notNull()
                    .check { ["reviewer", "auditor", "admin"].contains($0) }
                table.column("passwordHash", .text).notNull()
                table.column("disabled", .boolean).notNull().defaults(to: false)
                table.column("createdAt", .datetime).notNull()
                table.column("passwordChangedAt", .datetime).notNull()
                table.column("failedLogins", .integer).notNull().defaults(to: 0)
                table.column("lockedUntil", .datetime)
                table.column("lastLoginAt", .datetime)
            }
            // The web app's audit page and dashboard read events by time.
            try db.create(index: "reviewEvent_occurredAt", on: "reviewEvent", columns: ["occurredAt"])
        }
        migrator.registerMigration("v4-review-indexes") { db in
            // The web app's held list finds held decisions through this covering index
            // instead of reading each quarantine row (with its stored copy's first page).
            try db.create(index: "quarantine_state_decisionID", on: "quarantine", columns: ["state", "decisionID"])
            // The dashboard's counts and the list's paging read only these columns: a
            // covering index keeps them from reading each decision row (findings,
            // recipients) over the period shown.
            try db.create(
                index: "decision_decidedAt_summary", on: "decision",
                columns: ["decidedAt", "action", "sections", "falsePositive", "decisionID"])
        }
        migrator.registerMigration("v4-decision-parts") { db in
            // Every body and attachment and what the scan did with it (read, media,
            // textless, program, unscannable and why), for the decision page.
            try db.alter(table: "decision") { table in
                table.add(column: "parts", .jsonText).notNull().defaults(sql: "'[]'")
            }
        }
        migrator.registerMigration("v4-decision-school-host") { db in
            // Which school a message belongs to (a configuration with a `schools:` list)
            // and which mail host decided it (`store.host_id`); null on older rows.
            try db.alter(table: "decision") { table in
                table.add(column: "school", .text).indexed()
                table.add(column: "mailHost", .text)
            }
        }
        migrator.registerMigration("v5-webUser-schools") { db in
            // A web account limited to some schools of a trust (`user add --school`):
            // a JSON array of school ids, empty for every school.
            try db.alter(table: "webUser") { table in
                table.add(column: "schools", .jsonText).notNull().defaults(sql: "'[]'")
            }
        }
        migrator.registerMigration("v6-selfService-tokens") { db in
            // Sender self-service: the HMAC key of the notice links (one row, made on
            // first use), and the one action a sender took from a decision's link, which
            // spends every link for it; removed with the decision by retention.
            try db.create(table: "selfServiceKey") { table in
                table.primaryKey("id", .integer).check { $0 == 1 }
                table.column("key", .blob).notNull()
                table.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "selfServiceAction") { table in
                table.primaryKey("decisionID", .text)
                    .references("decision", column: "decisionID", onDelete: .cascade)
                table.column("kind", .text).notNull().check { ["request", "release", "withdraw"].contains($0) }
                table.column("sender", .text).notNull()
                table.column("justification", .text)
                table.column("occurredAt", .datetime).notNull()
            }
            try db.create(index: "selfServiceAction_kind", on: "selfServiceAction", columns: ["kind", "decisionID"])
        }
        migrator.registerMigration("v7-learning-decision-shadow") { db in
            // What the rules running in shadow (`shadow:`) would have done: the message's
            // action had they acted (null when none fired) and each one that fired with
            // its shadow and live action, for the dashboard beside the live results.
            try db.alter(table: "decision") { table in
                table.add(column: "shadowAction", .text)
                table.add(column: "shadowRules", .jsonText).notNull().defaults(sql: "'[]'")
            }
        }
        return migrator
    }

    /// The migration names in the order they apply.
    public static var migrationNames: [String] { migrator.migrations }
}
