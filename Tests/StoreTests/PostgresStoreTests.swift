import Foundation
import PostgresTestSupport
import Store
import StorePostgres
import Testing

/// What only the PostgreSQL store has: its migrations table, its settings (no password
/// ever shown), and its behaviour while the server is down.
@Suite struct PostgresStoreTests {
    @Test func theSchemaHasTheSQLiteMigrationsUnderTheSameNamesAppliedOnce() async throws {
        let cluster = try await PostgresCluster.shared()
        let name = try cluster.createDatabase()
        let settings = try PostgresConnectionSettings(url: cluster.url(database: name))
        // Two hosts starting at once: one migrates, the other waits and finds it done.
        async let first = PostgresStore.open(settings: settings)
        async let second = PostgresStore.open(settings: settings)
        let (a, b) = try await (first, second)
        #expect(try await a.appliedMigrations() == AppDatabase.migrationNames)
        #expect(try cluster.psql(database: name, "SELECT count(*) FROM schema_migrations") == "\(AppDatabase.migrationNames.count)\n")
        await a.close()
        await b.close()
        let again = try await PostgresStore.open(settings: settings)
        #expect(try await again.appliedMigrations() == AppDatabase.migrationNames)
        await again.close()
        // A schema a newer version migrated is refused with the fix.
        try cluster.psql(database: name, "INSERT INTO schema_migrations (name) VALUES ('v9-future')")
        await #expect(throws: PostgresStoreError.unknownMigration("v9-future")) {
            let store = try await PostgresStore.open(settings: settings)
            await store.close()
        }
    }

    @Test func settingsNeverShowThePassword() throws {
        let settings = try PostgresConnectionSettings(url: "postgresql://chaperone@db.trust.example:6432/chaperone", password: "s3cret-pw")
        #expect(settings.host == "db.trust.example" && settings.port == 6432 && settings.database == "chaperone")
        #expect(settings.description == "postgresql://chaperone@db.trust.example:6432/chaperone")
        #expect(!"\(settings)".contains("s3cret-pw"))
        #expect(throws: PostgresSettingsError.passwordInURL) {
            try PostgresConnectionSettings(url: "postgresql://chaperone:s3cret-pw@db.trust.example/chaperone")
        }
        #expect(!PostgresSettingsError.passwordInURL.description.contains("s3cret-pw"))
        #expect(throws: PostgresSettingsError.notAPostgresURL) { try PostgresConnectionSettings(url: "mysql://a@b/c") }
        #expect(throws: PostgresSettingsError.self) { try PostgresConnectionSettings(url: "postgresql://db.trust.example/chaperone") }
        #expect(throws: PostgresSettingsError.self) { try PostgresConnectionSettings(url: "postgresql://a@db.trust.example/") }

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.path + "/password"
        try "s3cret-pw\nignored\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try PostgresConnectionSettings.readPassword(fromFile: file) == "s3cret-pw")
        try "\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: PostgresSettingsError.emptyPasswordFile(file)) { try PostgresConnectionSettings.readPassword(fromFile: file) }
        #expect(throws: PostgresSettingsError.unreadablePasswordFile(file + ".none")) {
            try PostgresConnectionSettings.readPassword(fromFile: file + ".none")
        }
    }

    /// The server stopped: every call fails (the milter then applies its fail action)
    /// and nothing is half-written; started again, the pool reconnects by itself.
    @Test func whileTheServerIsDownCallsFailAndTheStoreReconnectsWhenItIsBack() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let name = try cluster.createDatabase()
        let settings = try PostgresConnectionSettings(url: cluster.url(database: name))
        // Set-up under a generous limit: a whole parallel test run can keep a freshly
        // started cluster from answering for a while; only the outage below is under test.
        var patient = PostgresStore.Options(mailHost: "mx1.trust.example")
        patient.operationTimeoutSeconds = 120
        let setUp = try await PostgresStore.open(settings: settings, options: patient)
        try await setUp.recordQuarantine(
            DecisionFixtures.record(id: "CH-BEFORE", action: .quarantine), rawMessage: DecisionFixtures.rawMessage)
        await setUp.close()
        var options = PostgresStore.Options(mailHost: "mx1.trust.example")
        options.operationTimeoutSeconds = 20
        let store = try await PostgresStore.open(settings: settings, options: options)

        try cluster.stopServer()
        await #expect(throws: PostgresStoreError.self) {
            try await store.recordQuarantine(
                DecisionFixtures.record(id: "CH-DOWN", action: .quarantine), rawMessage: DecisionFixtures.rawMessage + [0x41])
        }
        await #expect(throws: PostgresStoreError.self) { try await store.record(DecisionFixtures.record(id: "CH-DOWN2")) }
        await #expect(throws: PostgresStoreError.self) { _ = try await store.decision(id: "CH-BEFORE") }

        try cluster.startServer()
        // The pool reconnects on its own; the first calls may still meet the old, dead
        // connections, so a bounded number of attempts is allowed.
        var recorded = false
        for _ in 0..<20 where !recorded {
            do {
                try await store.record(DecisionFixtures.record(id: "CH-AFTER"))
                recorded = true
            } catch {
                try await Task.sleep(nanoseconds: 500_000_000)
            }
        }
        #expect(recorded, "the store did not reconnect after the server came back")
        await store.close()
        let reader = try await PostgresStore.open(settings: settings, options: patient)
        #expect(try await reader.decision(id: "CH-AFTER") != nil)
        #expect(try await reader.decision(id: "CH-BEFORE")?.quarantine?.state == .held)
        #expect(try await reader.decision(id: "CH-DOWN") == nil, "a failed write leaves nothing behind")
        await reader.close()
    }
}
